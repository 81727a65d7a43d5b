package dev.weft.sim.rlscheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The paper's priority functions, lowest key first, as its code computes them. */
class PriorityFunctionTest {
  static ProtocolJob job(long id, long submit, long requested, int processors) {
    return new ProtocolJob(id, submit, requested, requested, processors, -1);
  }

  static List<Long> order(PriorityFunction p, ProtocolJob... jobs) {
    List<ProtocolJob> l = new ArrayList<>(List.of(jobs));
    l.sort(p.order());
    return l.stream().map(ProtocolJob::id).toList();
  }

  @Test
  void fcfsGoesBySubmitTimeAndSjfByRequestedTimeThenSubmitTime() {
    ProtocolJob a = job(1, 200, 50, 1);
    ProtocolJob b = job(2, 100, 50, 1);
    ProtocolJob c = job(3, 300, 10, 1);

    assertThat(order(PriorityFunction.FCFS, a, b, c)).containsExactly(2L, 1L, 3L);
    assertThat(order(PriorityFunction.SJF, a, b, c)).containsExactly(3L, 2L, 1L);
  }

  @Test
  void wfp3AndUnicepSeeAWaitOfMinusOneMinusSubmitAsThePapersCodeDoesSoEarlyLongJobsComeFirst() {
    ProtocolJob earlyLong = job(1, 100, 1000, 2);
    ProtocolJob lateShort = job(2, 200, 10, 2);

    assertThat(order(PriorityFunction.WFP3, lateShort, earlyLong)).containsExactly(1L, 2L);
    assertThat(order(PriorityFunction.UNICEP, lateShort, earlyLong)).containsExactly(1L, 2L);
    assertThat(PriorityFunction.WFP3.key(earlyLong)).isEqualTo(-Math.pow(-101.0 / 1000, 3) * 2);
  }

  @Test
  void f1WeighsTheLogOfTheRequestByTheProcessorsAgainstTheLogOfTheSubmitTime() {
    assertThat(PriorityFunction.F1.key(job(1, 1000, 100, 4))).isCloseTo(2 * 4 + 870 * 3, within(1e-9));
    assertThat(order(PriorityFunction.F1, job(1, 1000, 100, 64), job(2, 1001, 100, 1))).containsExactly(2L, 1L);
  }

  @Test
  void equalKeysKeepTheListOrderAndMinusZeroEqualsZero() {
    ProtocolJob a = job(1, 0, 10, 1);
    ProtocolJob b = job(2, 0, 10, 1);

    for (PriorityFunction p : PriorityFunction.values()) {
      assertThat(order(p, b, a)).as(p.wire()).containsExactly(2L, 1L);
    }
  }

  @Test
  void namesAreTheLowerCaseWireNames() {
    assertThat(PriorityFunction.byName("unicep")).isEqualTo(PriorityFunction.UNICEP);
    assertThat(PriorityFunction.byName("srtf")).isNull();
  }
}
