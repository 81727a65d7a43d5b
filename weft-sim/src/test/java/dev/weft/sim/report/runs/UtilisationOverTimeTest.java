package dev.weft.sim.report.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.weft.sim.metrics.ResultSummary;
import dev.weft.sim.metrics.SimResult;
import dev.weft.sim.metrics.TaskRecord;
import dev.weft.sim.report.LineSeries;
import java.util.List;
import org.junit.jupiter.api.Test;

class UtilisationOverTimeTest {
  @Test
  void aTaskHoldingHalfTheClusterForTheWholeRunIsFiftyPercentEverywhere() {
    LineSeries s = UtilisationOverTime.of("u", List.of(task("a", 0, 0, 10_000, 2_000)), 4, 10);

    assertThat(s.points()).hasSize(11);
    assertThat(s.points()).allSatisfy(p -> assertThat(p.y()).isCloseTo(0.5, within(1e-9)));
    assertThat(s.points().get(10).x()).isEqualTo(10.0);
  }

  @Test
  void theLoadFollowsWhenTasksRan() {
    LineSeries s = UtilisationOverTime.of("u", List.of(task("a", 0, 0, 5_000, 1_000), task("b", 0, 5_000, 10_000, 2_000)),
        2, 2);

    assertThat(s.points()).extracting(LineSeries.Point::y).containsExactly(0.5, 1.0, 1.0);
  }

  @Test
  void theMeanOverTheBucketsIsTheUtilizationOfTheRunEvenWithPreemptedTasks() {
    List<TaskRecord> tasks = List.of(task("a", 0, 1_000, 9_000, 1_000), preempted("b", 2_000, 3_000, 17_000, 4_000),
        task("c", 5_000, 6_000, 20_000, 1_000));
    SimResult r = new ResultSummary(2_000).summarize(tasks, new ResultSummary.Leftovers(List.of(), List.of(),
        java.util.Map.of(), 1));

    LineSeries s = UtilisationOverTime.of("u", tasks, 2, 7);

    double mean = s.points().subList(0, 7).stream().mapToDouble(LineSeries.Point::y).average().orElseThrow();
    assertThat(mean).isCloseTo(r.utilization(), within(1e-9));
  }

  private static TaskRecord task(String id, long submit, long start, long finish, long cpuMillis) {
    return new TaskRecord(id, "root.default", "u", "n1", submit, start, finish, finish - start, cpuMillis, 0);
  }

  private static TaskRecord preempted(String id, long submit, long start, long finish, long runtime) {
    return new TaskRecord(id, "root.default", "u", "n1", submit, start, finish, runtime, 1_000, 1);
  }
}
