package dev.weft.sim.engine;

import static dev.weft.sim.engine.SimulatorTest.run;
import static dev.weft.sim.testing.Jobs.after;
import static dev.weft.sim.testing.Jobs.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.scheduler.api.Explanation;
import dev.weft.scheduler.api.Placement;
import dev.weft.scheduler.api.Plan;
import dev.weft.scheduler.api.Preemption;
import dev.weft.scheduler.api.PreemptionMode;
import dev.weft.sim.metrics.SimResult;
import dev.weft.sim.testing.InOrderPlanner;
import dev.weft.sim.testing.ScriptedPlanner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The run ends whatever the planner does, and an impossible plan is caught at once. */
class SimulatorSafetyTest {
  @Test
  void jobsLargerThanEveryNodeAreRejectedUpFrontWithTheirDependents() {
    SimResult r = run(new InOrderPlanner(), "nodes=2,cpus=4",
        job("huge", 0, 1, 5), after("child", 0, 1, "huge"), job("ok", 0, 1, 4));

    assertThat(r.rejected()).isEqualTo(2);
    assertThat(r.rejectedIds()).containsExactly("huge", "child");
    assertThat(r.jobs()).isEqualTo(1);
    assertThat(r.stuck()).isZero();
  }

  @Test
  void tasksThePlannerNeverPlacesAreReportedStuckWithItsLastExplanation() {
    Plan refuse = new Plan(List.of(), List.of(), List.of(),
        Map.of("a", new Explanation("a", "queue root.nowhere does not exist", Map.of())));
    SimResult r = run(new ScriptedPlanner(t -> refuse), "cpus=1", job("a", 0, 1), after("b", 0, 1, "a"));

    assertThat(r.stuck()).isEqualTo(2);
    assertThat(r.stuckIds()).containsExactly("a", "b");
    assertThat(r.stuckReasons()).containsEntry("a", "queue root.nowhere does not exist")
        .containsEntry("b", "waiting for a dependency that never finished");
    assertThat(r.jobs()).isZero();
  }

  @Test
  void aPlacementOnAnOverfullNodeIsAPlannerBug() {
    Plan both = new Plan(List.of(new Placement("a", "n1", false), new Placement("b", "n1", false)),
        List.of(), List.of(), Map.of());

    assertThatThrownBy(() -> run(new ScriptedPlanner(t -> both), "cpus=1", job("a", 0, 1), job("b", 0, 1)))
        .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("planner overfilled node n1 with task b");
  }

  @Test
  void aPlacementOfAnUnknownTaskIsAPlannerBug() {
    Plan ghost = new Plan(List.of(new Placement("ghost", "n1", false)), List.of(), List.of(), Map.of());

    assertThatThrownBy(() -> run(new ScriptedPlanner(t -> ghost), "cpus=1", job("a", 0, 1)))
        .isInstanceOf(IllegalStateException.class).hasMessage("planner placed task ghost which is not pending");
  }

  @Test
  void aPlacementOnAnUnknownNodeIsAPlannerBug() {
    Plan elsewhere = new Plan(List.of(new Placement("a", "n9", false)), List.of(), List.of(), Map.of());

    assertThatThrownBy(() -> run(new ScriptedPlanner(t -> elsewhere), "cpus=1", job("a", 0, 1)))
        .isInstanceOf(IllegalStateException.class).hasMessage("planner placed task a on unknown node n9");
  }

  @Test
  void preemptingATaskThatIsNotRunningIsAPlannerBug() {
    Plan stop = new Plan(List.of(), List.of(new Preemption("a", "n1", PreemptionMode.SUSPEND, "a", "why")),
        List.of(), Map.of());

    assertThatThrownBy(() -> run(new ScriptedPlanner(t -> stop), "cpus=1", job("a", 0, 1)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not running");
  }
}
