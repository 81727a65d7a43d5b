package dev.weft.sim.engine;

import static dev.weft.sim.engine.SimulatorTest.run;
import static dev.weft.sim.testing.Jobs.ms;
import static dev.weft.sim.testing.Jobs.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Resources;
import dev.weft.scheduler.CorePlanner;
import dev.weft.scheduler.api.SchedulerConfig;
import dev.weft.sim.metrics.SimResult;
import dev.weft.sim.metrics.TaskRecord;
import dev.weft.sim.workload.SimJob;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GPU shares through the real planner in simulated time: two shares that fit one device run together. */
class SimulatorGpuTest {
  static SimJob share(String id, double submit, double run, long milli) {
    return SimJob.of(spec(id, submit, run, 1).resources(new Resources(1000, 0, 0, 0, Map.of(Resources.GPU_MILLI, milli)))
        .build(), ms(run));
  }

  @Test
  void sharesRunTogetherWhileTheyFitOneDeviceAndWaitWhenTheyDoNot() {
    SimResult r = run(new CorePlanner(SchedulerConfig.defaults()), "nodes=1,cpus=8,gpus=1",
        share("a", 0, 10, 600), share("b", 0, 10, 400), share("c", 0, 10, 100));

    assertThat(r.rejected()).isZero();
    assertThat(r.tasksById().values()).extracting(TaskRecord::id, TaskRecord::startMillis)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("a", 0L),
            org.assertj.core.groups.Tuple.tuple("b", 0L), org.assertj.core.groups.Tuple.tuple("c", 10_000L));
  }

  @Test
  void aShareNoNodeCanHoldIsRejectedUpFront() {
    SimResult r = run(new CorePlanner(SchedulerConfig.defaults()), "nodes=1,cpus=8", share("a", 0, 10, 600));
    assertThat(r.rejectedIds()).containsExactly("a");
  }
}
