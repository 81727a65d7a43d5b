package dev.weft.scheduler;

import static dev.weft.scheduler.Fixtures.pending;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Node;
import dev.weft.model.PolicyName;
import dev.weft.model.QueueSpec;
import dev.weft.model.Resources;
import dev.weft.model.TaskSpec;
import dev.weft.scheduler.api.ClusterView;
import dev.weft.scheduler.api.Placement;
import dev.weft.scheduler.api.Plan;
import dev.weft.scheduler.api.Preemption;
import dev.weft.scheduler.api.PreemptionConfig;
import dev.weft.scheduler.api.PreemptionMode;
import dev.weft.scheduler.api.RunningTask;
import dev.weft.scheduler.api.SchedulerConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GPU shares through a whole planning round: queues, running tasks, explanations, preemption. */
class GpuPlanTest {
  static final QueueSpec ONE_QUEUE = QueueSpec.defaultTree(PolicyName.FCFS);
  static final Node TWO_GPUS = Node.of("g2", new Resources(32_000, 64 * 1024, 0, 2, Map.of()));

  static TaskSpec share(String id, long milli, int priority) {
    return TaskSpec.builder(id).resources(new Resources(1000, 1024, 0, 0, Map.of(Resources.GPU_MILLI, milli)))
        .priority(priority).build();
  }

  static Plan plan(SchedulerConfig config, List<RunningTask> running, TaskSpec... tasks) {
    return new CorePlanner(config).plan(ClusterView.of(List.of(TWO_GPUS), running, ONE_QUEUE), pending(tasks), 1000);
  }

  @Test
  void sharesPackOntoDevicesAndTheOneThatFitsNoDeviceWaitsWithAReason() {
    Plan p = plan(Fixtures.noPreemption(), List.of(), share("a", 600, 50), share("b", 300, 50), share("c", 500, 50),
        share("d", 600, 50));
    assertThat(p.placements()).extracting(Placement::taskId).containsExactly("a", "b", "c");
    assertThat(p.explanations()).containsKey("d");
    assertThat(p.explanations().get("d").nodeRejections()).containsEntry("insufficient gpu-milli", 1);
  }

  @Test
  void runningSharesHoldTheirDevices() {
    List<RunningTask> running = List.of(new RunningTask(share("r1", 700, 50), "g2", 0),
        new RunningTask(share("r2", 700, 50), "g2", 0));
    Plan p = plan(Fixtures.noPreemption(), running, share("y", 300, 50), share("x", 400, 50));
    assertThat(p.placements()).extracting(Placement::taskId).containsExactly("y");
    assertThat(p.explanations()).containsKey("x");
  }

  @Test
  void preemptionFreesAWholeDeviceNotJustEnoughMilliSpreadOverTwo() {
    List<RunningTask> running = List.of(new RunningTask(share("low-a", 300, 10), "g2", 0),
        new RunningTask(share("mid-c", 400, 30), "g2", 0), new RunningTask(share("low-b", 600, 20), "g2", 0));
    PreemptionConfig byPriority = new PreemptionConfig(true, 10, false, false, 0.1, 0.1, PreemptionMode.KILL_AND_REQUEUE);
    Plan p = plan(SchedulerConfig.defaults().withPreemption(byPriority), running, share("urgent", 700, 90));
    assertThat(p.preemptions()).extracting(Preemption::taskId).containsExactly("low-a", "low-b");
    assertThat(p.placements()).extracting(Placement::taskId).containsExactly("urgent");
  }
}
