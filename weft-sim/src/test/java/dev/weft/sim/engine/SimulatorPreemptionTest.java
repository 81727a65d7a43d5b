package dev.weft.sim.engine;

import static dev.weft.sim.engine.SimulatorTest.run;
import static dev.weft.sim.testing.Jobs.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Node;
import dev.weft.model.PolicyName;
import dev.weft.model.QueueSpec;
import dev.weft.scheduler.api.ClusterView;
import dev.weft.scheduler.api.PendingTask;
import dev.weft.scheduler.api.Placement;
import dev.weft.scheduler.api.Plan;
import dev.weft.scheduler.api.Planner;
import dev.weft.scheduler.api.Preemption;
import dev.weft.scheduler.api.PreemptionMode;
import dev.weft.sim.cluster.ClusterSpec;
import dev.weft.sim.metrics.SimResult;
import dev.weft.sim.metrics.TaskRecord;
import dev.weft.sim.testing.ScriptedPlanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Long job {@code a} (10 s) starts at 0; short {@code b} (2 s) arrives at 4 and preempts it. */
class SimulatorPreemptionTest {
  private final List<PendingTask> seenAtSix = new ArrayList<>();

  @Test
  void aSuspendedTaskKeepsItsWorkAndResumesWhereItStopped() {
    SimResult r = runWith(PreemptionMode.SUSPEND);

    TaskRecord a = r.task("a").orElseThrow();
    assertThat(a.finishMillis()).isEqualTo(12_000);
    assertThat(a.startMillis()).isZero();
    assertThat(a.waitMillis()).isEqualTo(2_000);
    assertThat(a.preemptions()).isEqualTo(1);
    assertThat(seenAtSix).singleElement().satisfies(p -> {
      assertThat(p.doneMillis()).isEqualTo(4_000);
      assertThat(p.attempt()).isEqualTo(1);
    });
    assertThat(r.preemptions()).isEqualTo(1);
  }

  @Test
  void aKilledTaskIsRequeuedFromScratch() {
    SimResult r = runWith(PreemptionMode.KILL_AND_REQUEUE);

    assertThat(r.task("a").orElseThrow().finishMillis()).isEqualTo(16_000);
    assertThat(seenAtSix).singleElement().satisfies(p -> {
      assertThat(p.doneMillis()).isZero();
      assertThat(p.attempt()).isEqualTo(1);
    });
  }

  @Test
  void theStaleFinishOfAPreemptedRunIsIgnored() {
    SimResult r = runWith(PreemptionMode.SUSPEND);

    assertThat(r.task("b").orElseThrow().finishMillis()).isEqualTo(6_000);
    assertThat(r.jobs()).isEqualTo(2);
  }

  @Test
  void aPreemptedTaskReturnsToItsArrivalPlaceAheadOfLaterArrivals() {
    List<List<String>> orders = new ArrayList<>();
    Planner planner = (view, pending, now) -> {
      orders.add(pending.stream().map(PendingTask::id).toList());
      return now == 0 ? place("a") : now == 4_000 ? preemptAndPlace(PreemptionMode.SUSPEND) : ScriptedPlanner.empty();
    };
    run(planner, "cpus=1", job("a", 0, 10), job("b", 4, 2), job("c", 4, 1));

    assertThat(orders.get(1)).containsExactly("b", "c");
    assertThat(orders.get(2)).containsExactly("a", "c");
  }

  private SimResult runWith(PreemptionMode mode) {
    Planner planner = (ClusterView view, List<PendingTask> pending, long now) -> {
      if (now == 6_000) {
        seenAtSix.addAll(pending);
        return place("a");
      }
      return now == 0 ? place("a") : now == 4_000 ? preemptAndPlace(mode) : ScriptedPlanner.empty();
    };
    List<Node> nodes = ClusterSpec.parse("cpus=1").nodes();
    return new Simulator(planner, nodes, QueueSpec.defaultTree(PolicyName.SRTF)).run(List.of(job("a", 0, 10), job("b", 4, 2)));
  }

  private static Plan place(String id) {
    return new Plan(List.of(new Placement(id, "n1", false)), List.of(), List.of(), Map.of());
  }

  private static Plan preemptAndPlace(PreemptionMode mode) {
    return new Plan(List.of(new Placement("b", "n1", false)),
        List.of(new Preemption("a", "n1", mode, "b", "shorter remaining time")), List.of(), Map.of());
  }
}
