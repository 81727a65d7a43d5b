package dev.weft.sim.conformance;

import static dev.weft.sim.testing.Jobs.job;
import static dev.weft.sim.testing.Jobs.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.PolicyName;
import dev.weft.model.QueueSpec;
import dev.weft.scheduler.CorePlanner;
import dev.weft.scheduler.api.PreemptionConfig;
import dev.weft.scheduler.api.PreemptionMode;
import dev.weft.scheduler.api.SchedulerConfig;
import dev.weft.scheduler.api.SchedulerConfig.Backfill;
import dev.weft.sim.cluster.ClusterSpec;
import dev.weft.sim.engine.Simulator;
import dev.weft.sim.metrics.SimResult;
import dev.weft.sim.workload.SimJob;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CPU-scheduling examples of Silberschatz, Galvin and Gagne, "Operating System Concepts"
 * (ch. 5), on one CPU, each under the policy it illustrates. Estimates are the true bursts.
 */
class TextbookVectorsTest {
  private static final PreemptionConfig SRTF_SUSPEND =
      new PreemptionConfig(false, 10, true, false, 0.1, 0.1, PreemptionMode.SUSPEND);

  @Test
  void firstComeFirstServedWithTheLongJobFirstWaitsSeventeenOnAverage() {
    assertThat(run(PolicyName.FCFS, PreemptionConfig.none(), job("P1", 0, 24), job("P2", 0, 3), job("P3", 0, 3))
        .avgWait()).isEqualTo(17.0);
  }

  @Test
  void firstComeFirstServedWithTheShortJobsFirstWaitsThreeOnAverage() {
    assertThat(run(PolicyName.FCFS, PreemptionConfig.none(), job("P2", 0, 3), job("P3", 0, 3), job("P1", 0, 24))
        .avgWait()).isEqualTo(3.0);
  }

  @Test
  void shortestJobFirstWaitsSevenOnAverage() {
    assertThat(run(PolicyName.SJF, PreemptionConfig.none(),
        job("P1", 0, 6), job("P2", 0, 8), job("P3", 0, 7), job("P4", 0, 3)).avgWait()).isEqualTo(7.0);
  }

  @Test
  void shortestRemainingTimeFirstWithSuspensionWaitsSixAndAHalfOnAverage() {
    SimResult r = run(PolicyName.SRTF, SRTF_SUSPEND,
        job("P1", 0, 8), job("P2", 1, 4), job("P3", 2, 9), job("P4", 3, 5));

    assertThat(r.avgWait()).isEqualTo(6.5);
    assertThat(r.task("P1").orElseThrow().finishMillis()).isEqualTo(17_000);
  }

  @Test
  void nonPreemptivePriorityWaitsEightPointTwoOnAverage() {
    SimResult r = run(PolicyName.PRIORITY, PreemptionConfig.none(),
        prioritised("P1", 10, 3), prioritised("P2", 1, 1), prioritised("P3", 2, 4), prioritised("P4", 1, 5),
        prioritised("P5", 5, 2));

    assertThat(r.avgWait()).isEqualTo(8.2);
  }

  /** The book's priority 1 is the highest; Weft's higher number runs first, so Weft's is {@code 10 - p}. */
  private static SimJob prioritised(String id, double burst, int textbookPriority) {
    return SimJob.of(spec(id, 0, burst, 1).priority(10 - textbookPriority).build(), Math.round(burst * 1000));
  }

  private static SimResult run(PolicyName policy, PreemptionConfig preemption, SimJob... jobs) {
    SchedulerConfig config = SchedulerConfig.defaults().withBackfill(Backfill.NONE).withPreemption(preemption);
    return new Simulator(new CorePlanner(config), ClusterSpec.parse("cpus=1").nodes(), QueueSpec.defaultTree(policy))
        .run(List.of(jobs));
  }
}
