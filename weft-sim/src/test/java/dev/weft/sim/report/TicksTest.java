package dev.weft.sim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TicksTest {
  @Test
  void aLinearAxisStartsAtZeroAndStepsByOneTwoOrFiveTimesAPowerOfTen() {
    Axis axis = Axis.linear("n");
    double[] d = Ticks.domain(axis, 3, 87);

    assertThat(d).containsExactly(0, 100);
    assertThat(labels(axis, d)).containsExactly("0", "20", "40", "60", "80", "100");
  }

  @Test
  void aLogAxisOfDurationsIsMarkedAtTheLengthsPeopleName() {
    Axis axis = Axis.log("wait").seconds().from(1);
    double[] d = Ticks.domain(axis, 0.2, 200_000);

    assertThat(d).containsExactly(1, 604800);
    assertThat(labels(axis, d)).containsExactly("1 s", "10 s", "1 min", "10 min", "1 h", "6 h", "1 d", "1 w");
  }

  @Test
  void aLinearAxisOfDurationsCountsInTheUnitThatSuitsItsSpan() {
    Axis axis = Axis.linear("time").seconds();

    assertThat(labels(axis, Ticks.domain(axis, 0, 30 * 86400.0))).containsExactly("0", "5 d", "10 d", "15 d", "20 d",
        "25 d", "30 d");
    assertThat(labels(axis, Ticks.domain(axis, 0, 90))).containsExactly("0", "20 s", "40 s", "60 s", "80 s", "100 s");
  }

  @Test
  void percentagesAreLabelledFromFractions() {
    Axis axis = Axis.linear("share").percent().range(0, 1);

    assertThat(labels(axis, Ticks.domain(axis, 0, 1))).containsExactly("0%", "20%", "40%", "60%", "80%", "100%");
  }

  @Test
  void aLogAxisSpanningFewDecadesAlsoMarksTwosAndFives() {
    Axis axis = Axis.log("n");

    assertThat(labels(axis, Ticks.domain(axis, 3, 70))).containsExactly("1", "2", "5", "10", "20", "50", "100");
  }

  @Test
  void anAxisWithoutDataStillHasARange() {
    Axis axis = Axis.linear("n");

    assertThat(Ticks.domain(axis, Double.NaN, Double.NaN)).containsExactly(0, 1);
  }

  private static List<String> labels(Axis axis, double[] domain) {
    return Ticks.of(axis, domain[0], domain[1]).stream().map(Tick::label).toList();
  }
}
