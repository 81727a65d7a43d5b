package dev.weft.sim.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationCurveTest {
  @Test
  void eachWholePercentOfDemandIsTheMeanRatioOfTheMomentsRoundedToIt() {
    // cluster 1000 milli; moments at demand 0%, 0.4%, 1.2%, 2.6%, 4.9% (none rounds to 4%)
    ReplayTrace t = new ReplayTrace(1000, new long[] {0, 4, 12, 26, 49}, new long[] {0, 4, 12, 20, 40}, 4, 1);
    AllocationCurve c = t.curve();
    assertThat(c.topPercent()).isEqualTo(5);
    assertThat(c.at(0)).isCloseTo(0.2, within(1e-9));
    assertThat(c.at(1)).isCloseTo(1.2, within(1e-9));
    assertThat(c.at(3)).isCloseTo(2.0, within(1e-9));
    assertThat(c.at(4)).as("empty: the moments within one percent").isCloseTo(3.0, within(1e-9));
    assertThat(c.at(6)).isNaN();
  }

  @Test
  void halfPercentsRoundToEven() {
    ReplayTrace t = new ReplayTrace(1000, new long[] {0, 5, 15}, new long[] {0, 5, 7}, 2, 0);
    assertThat(t.curve().at(0)).as("0.5% rounds to 0").isCloseTo(0.25, within(1e-9));
    assertThat(t.curve().at(2)).as("1.5% rounds to 2").isCloseTo(0.7, within(1e-9));
  }

  @Test
  void theMeanOfCurvesGoesAsFarAsTheShortest() {
    AllocationCurve a = new AllocationCurve(new double[] {0, 1, 2});
    AllocationCurve b = new AllocationCurve(new double[] {0, 3});
    assertThat(AllocationCurve.mean(List.of(a, b)).ratioAtPercent()).containsExactly(0, 2);
  }
}
