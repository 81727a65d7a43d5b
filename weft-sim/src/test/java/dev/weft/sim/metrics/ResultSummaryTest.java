package dev.weft.sim.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultSummaryTest {
  private static final ResultSummary.Leftovers NONE = new ResultSummary.Leftovers(List.of(), List.of(), Map.of(), 0);

  @Test
  void boundedSlowdownCountsShortRunsAsTenSeconds() {
    TaskRecord shortRun = record("s", 0, 2_000, 0, 1);
    TaskRecord longRun = record("l", 0, 100_000, 60_000, 1);

    assertThat(shortRun.boundedSlowdown(ResultSummary.SLOWDOWN_THRESHOLD_MILLIS)).isEqualTo(1.0);
    assertThat(longRun.boundedSlowdown(ResultSummary.SLOWDOWN_THRESHOLD_MILLIS)).isEqualTo(1.6);
  }

  @Test
  void utilizationIsCpuTimeUsedOverCpuTimeAvailableDuringTheMakespan() {
    SimResult r = new ResultSummary(4_000).summarize(
        List.of(record("a", 0, 10_000, 0, 2), record("b", 0, 10_000, 10_000, 2)), NONE);

    assertThat(r.makespan()).isEqualTo(20.0);
    assertThat(r.utilization()).isEqualTo(0.5);
    assertThat(r.avgWait()).isEqualTo(5.0);
    assertThat(r.avgTurnaround()).isEqualTo(15.0);
    assertThat(r.avgBoundedSlowdown()).isEqualTo(1.5);
  }

  @Test
  void anEmptyRunHasZeroFigures() {
    SimResult r = new ResultSummary(1_000).summarize(List.of(), NONE);

    assertThat(r.jobs()).isZero();
    assertThat(r.makespan()).isZero();
    assertThat(r.utilization()).isZero();
    assertThat(r.queues()).isEmpty();
  }

  @Test
  void onlyTheFirstTenRejectedIdsAreListedButAllAreCounted() {
    List<String> ids = java.util.stream.IntStream.range(0, 25).mapToObj(i -> "r" + i).toList();
    SimResult r = new ResultSummary(1_000).summarize(List.of(), new ResultSummary.Leftovers(ids, List.of(), Map.of(), 0));

    assertThat(r.rejected()).isEqualTo(25);
    assertThat(r.rejectedIds()).hasSize(10).startsWith("r0");
  }

  private static TaskRecord record(String id, long submit, long run, long wait, double cpus) {
    return new TaskRecord(id, "root.default", "u", "n1", submit, submit + wait, submit + wait + run, run,
        Math.round(cpus * 1000), 0);
  }
}
