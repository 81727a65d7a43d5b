package dev.weft.scheduler;

import static dev.weft.scheduler.Fixtures.node;
import static dev.weft.scheduler.Fixtures.noPreemption;
import static dev.weft.scheduler.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.PolicyName;
import dev.weft.model.QueueSpec;
import dev.weft.model.TaskSpec;
import dev.weft.scheduler.api.ClusterView;
import dev.weft.scheduler.api.PendingTask;
import dev.weft.scheduler.api.Placement;
import dev.weft.scheduler.api.SchedulerConfig.Backfill;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The RLScheduler paper's baseline heuristics as Weft leaf policies, with the real waiting time at
 * the round. Everything fits the node, so the placements come out in the order the leaf offers them.
 */
class PaperPoliciesTest {
  static final long MINUTE = 60_000;
  static final long NOW = 100 * MINUTE;

  static List<String> order(PolicyName policy, TaskSpec.Builder... tasks) {
    ClusterView view = new ClusterView(List.of(node("n1", 64, 64 * 1024)), List.of(),
        QueueSpec.parent("root", List.of(QueueSpec.leaf("q", policy))), Map.of(), null);
    List<PendingTask> pending = Arrays.stream(tasks).map(t -> PendingTask.of(t.queue("root.q").build())).toList();
    return new CorePlanner(noPreemption().withBackfill(Backfill.NONE)).plan(view, pending, NOW).placements().stream()
        .map(Placement::taskId).toList();
  }

  /** {@code cpus} CPUs, estimated {@code estimateMinutes}, waiting {@code waitedMinutes} at NOW. */
  static TaskSpec.Builder job(String id, double cpus, long estimateMinutes, long waitedMinutes) {
    return task(id, cpus, 1).estimateMillis(estimateMinutes * MINUTE).submitMillis(NOW - waitedMinutes * MINUTE);
  }

  @Test
  void wfp3ServesTheLongestWaitRelativeToTheEstimateFirstAndBiggerJobsSooner() {
    assertThat(order(PolicyName.WFP3, job("a-third", 1, 60, 20), job("one", 1, 10, 10), job("unknown", 1, 0, 90)))
        .containsExactly("one", "a-third", "unknown");
    assertThat(order(PolicyName.WFP3, job("small", 1, 10, 10), job("big", 8, 10, 10))).containsExactly("big", "small");
  }

  @Test
  void unicepServesWaitOverLog2CpusTimesEstimateAndOneCpuJobsFirst() {
    assertThat(order(PolicyName.UNICEP, job("eight", 8, 10, 30), job("two", 2, 10, 15), job("one", 1, 60, 1)))
        .as("scores: eight 30/(3*10) = 1, two 15/(1*10) = 1.5, one: log2(1) counts as almost 0")
        .containsExactly("one", "two", "eight");
  }

  @Test
  void f1ServesTheLowestLog10EstimateTimesCpusPlus870Log10SubmitFirst() {
    assertThat(order(PolicyName.F1, job("wide", 32, 1, 10), job("narrow-later", 1, 100, 5), job("narrow", 1, 100, 10)))
        .containsExactly("narrow", "narrow-later", "wide");
  }
}
