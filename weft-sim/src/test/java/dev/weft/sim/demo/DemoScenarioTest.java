package dev.weft.sim.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.scheduler.CorePlanner;
import dev.weft.scheduler.api.SchedulerConfig;
import dev.weft.sim.engine.Simulator;
import dev.weft.sim.metrics.SimResult;
import dev.weft.sim.metrics.TaskRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo shows what it says it shows, and preemption does not thrash. */
class DemoScenarioTest {
  private static SimResult run;

  @BeforeAll
  static void replay() {
    run = new Simulator(new CorePlanner(SchedulerConfig.defaults()), DemoScenario.cluster(), DemoScenario.queues())
        .run(DemoScenario.workload());
  }

  @Test
  void everyTaskFinishes() {
    assertThat(run.jobs()).isEqualTo(DemoScenario.workload().size());
    assertThat(run.stuck()).isZero();
    assertThat(run.rejected()).isZero();
  }

  @Test
  void prodTakesItsShareBackByPreemptingBatchAndNoTaskIsPreemptedTwice() {
    assertThat(run.preemptions()).isPositive();
    assertThat(run.tasks()).allSatisfy(t -> assertThat(t.preemptions()).as(t.id()).isLessThanOrEqualTo(1));
    assertThat(run.tasks()).filteredOn(t -> t.preemptions() > 0).allMatch(t -> t.queue().equals("root.batch"));
    assertThat(run.queues().get("root.prod").avgWait()).isLessThan(run.queues().get("root.batch").avgWait());
  }

  @Test
  void theGangStartsAllAtOnceAndTheGpuTaskRunsOnTheTaintedGpuNode() {
    assertThat(run.tasks()).filteredOn(t -> t.id().startsWith("train-")).extracting(TaskRecord::startMillis)
        .hasSize(4).containsOnly(run.task("train-1").orElseThrow().startMillis());
    assertThat(run.task("gpu-infer").orElseThrow().node()).isEqualTo("b3");
  }
}
