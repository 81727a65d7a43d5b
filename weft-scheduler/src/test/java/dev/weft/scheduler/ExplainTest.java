package dev.weft.scheduler;

import static dev.weft.scheduler.Fixtures.cpuMem;
import static dev.weft.scheduler.Fixtures.noPreemption;
import static dev.weft.scheduler.Fixtures.pending;
import static dev.weft.scheduler.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Node;
import dev.weft.model.PolicyName;
import dev.weft.model.QueueSpec;
import dev.weft.model.Taint;
import dev.weft.model.TaskSpec;
import dev.weft.model.TopologyPath;
import dev.weft.scheduler.api.ClusterView;
import dev.weft.scheduler.api.Explanation;
import dev.weft.scheduler.api.Plan;
import dev.weft.scheduler.api.RunningTask;
import dev.weft.scheduler.api.SchedulerConfig;
import dev.weft.scheduler.api.SchedulerConfig.Backfill;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every task left pending says why, in words a user can act on. */
class ExplainTest {
  static final QueueSpec QUEUES = QueueSpec.defaultTree(PolicyName.FCFS);

  static Node node(String id, double cpus, String topology, Taint... taints) {
    return new Node(id, cpuMem(cpus, 64 * 1024), Map.of(), List.of(taints), TopologyPath.parse(topology));
  }

  static Plan plan(Backfill backfill, List<Node> nodes, List<RunningTask> running, TaskSpec... tasks) {
    return new CorePlanner(noPreemption().withBackfill(backfill))
        .plan(ClusterView.of(nodes, running, QUEUES), pending(tasks), 0);
  }

  static String why(Plan p, String task) {
    return p.explain(task).map(Explanation::message).orElse("(no explanation)");
  }

  /** Five nodes too small, two big enough but tainted; three of the small ones fill a rack that is pruned whole. */
  static final List<Node> SEVEN = List.of(
      node("s1", 8, "eu/a/r1"), node("s2", 8, "eu/a/r1"), node("s3", 4, "eu/a/r1"),
      node("s4", 8, "eu/a/r2"), node("t1", 16, "eu/a/r2", new Taint("x", "y", Taint.Effect.NO_SCHEDULE)),
      node("s5", 2, "eu/b/r3"), node("t2", 32, "eu/b/r3", new Taint("x", "y", Taint.Effect.NO_SCHEDULE)));

  @Test
  void aTaskThatFitsNowhereCountsTheNodesRejectingItByReason() {
    Plan p = plan(Backfill.NONE, SEVEN, List.of(), task("t", 12, 1024).build());

    assertThat(why(p, "t")).isEqualTo("no node fits: 5 insufficient cpu, 2 taint x=y:NoSchedule not tolerated");
    assertThat(p.explain("t").orElseThrow().nodeRejections().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(SEVEN.size());
  }

  @Test
  void withBackfillingTheSameCountsFollowTheReasonNoReservationWasMade() {
    Plan p = plan(Backfill.EASY, SEVEN, List.of(), task("t", 12, 1024).build());

    assertThat(why(p, "t")).isEqualTo("no node fits, and none is expected to free enough (unknown run times): "
        + "5 insufficient cpu, 2 taint x=y:NoSchedule not tolerated");
    assertThat(p.reservations()).isEmpty();
  }

  @Test
  void eachNodeIsCountedUnderTheResourceItLacks() {
    List<Node> nodes = List.of(new Node("lowcpu", cpuMem(1, 64 * 1024), Map.of(), List.of(), null),
        new Node("lowmem", cpuMem(8, 512), Map.of(), List.of(), null));

    Plan p = plan(Backfill.NONE, nodes, List.of(), task("t", 2, 4096).build());

    assertThat(why(p, "t")).isEqualTo("no node fits: 1 insufficient cpu, 1 insufficient memory");
  }

  @ParameterizedTest(name = "with backfill {0}")
  @EnumSource(Backfill.class)
  void aTaskInAnUnknownQueueIsExplainedNotDroppedAndTheOthersStillRun(Backfill backfill) {
    Plan p = plan(backfill, List.of(node("n1", 8, "eu/a/r1")), List.of(),
        task("lost", 1, 1024).queue("root.nope").build(), task("parent", 1, 1024).queue("root").build(),
        task("fine", 1, 1024).build());

    assertThat(why(p, "lost")).isEqualTo("unknown queue 'root.nope' (no such leaf in the queue tree)");
    assertThat(why(p, "parent")).as("a parent queue holds no tasks")
        .isEqualTo("unknown queue 'root' (no such leaf in the queue tree)");
    assertThat(p.placements()).extracting(x -> x.taskId()).containsExactly("fine");
  }

  @Test
  void withoutBackfillingTheTasksBehindABlockedHeadSayWhoTheyWaitFor() {
    Plan p = plan(Backfill.NONE, List.of(node("n1", 8, "eu/a/r1")), List.of(),
        task("big", 16, 1024).submitMillis(1).build(), task("small", 1, 1024).submitMillis(2).build());

    assertThat(why(p, "big")).isEqualTo("no node fits: 1 insufficient cpu");
    assertThat(why(p, "small")).isEqualTo("waiting behind big at the head of queue root.default");
    assertThat(p.placements()).isEmpty();
  }

  @Test
  void aPlacedTaskHasNoExplanationAndNeitherHasAnUnknownId() {
    Plan p = plan(Backfill.EASY, List.of(node("n1", 8, "eu/a/r1")), List.of(), task("t", 1, 1024).build());

    assertThat(p.explain("t")).isEmpty();
    assertThat(p.explain("never-seen")).isEmpty();
  }

  @Test
  void aReservedHeadSaysWhereAndFromWhenAndWhyNotNow() {
    List<RunningTask> running = List.of(new RunningTask(task("r", 6, 1024).estimateMillis(100_000).build(), "n1", 0));

    Plan p = plan(Backfill.EASY, List.of(node("n1", 8, "eu/a/r1")), running,
        task("head", 4, 1024).estimateMillis(60_000).build());

    assertThat(why(p, "head")).isEqualTo("reserved n1 from t=100.0 s; no node fits now: 1 insufficient cpu");
  }

  @Test
  void anIncompleteGangSaysHowManyMembersArePending() {
    TaskSpec.Builder member = task("m", 1, 1024).gang("g", 3);

    Plan p = plan(Backfill.EASY, List.of(node("n1", 8, "eu/a/r1")), List.of(),
        Scenarios.withId(member.build(), "g-1"), Scenarios.withId(member.build(), "g-2"));

    assertThat(p.placements()).isEmpty();
    assertThat(why(p, "g-1")).isEqualTo("gang g is incomplete: 2 of 3 members pending");
    assertThat(why(p, "g-2")).isEqualTo("gang g is incomplete: 2 of 3 members pending");
  }

  @Test
  void aGangThatDoesNotFitAsAWholeNamesTheMemberLeftWithoutANodeAndCountsWhileTheOthersHoldTheirs() {
    TaskSpec.Builder member = task("m", 6, 1024).gang("g", 2);

    Plan p = plan(Backfill.EASY, List.of(node("n1", 8, "eu/a/r1")), List.of(),
        Scenarios.withId(member.build(), "g-1"), Scenarios.withId(member.build(), "g-2"));

    assertThat(p.placements()).isEmpty();
    assertThat(why(p, "g-1")).isEqualTo("gang g does not fit as a whole (member g-2 has no node): 1 insufficient cpu");
    assertThat(why(p, "g-2")).isEqualTo(why(p, "g-1"));
  }

  @Test
  void aCompleteGangThatFitsIsPlacedWhole() {
    TaskSpec.Builder member = task("m", 3, 1024).gang("g", 2);

    Plan p = plan(Backfill.EASY, List.of(node("n1", 8, "eu/a/r1")), List.of(),
        Scenarios.withId(member.build(), "g-1"), task("solo", 1, 1024).build(), Scenarios.withId(member.build(), "g-2"));

    assertThat(p.placements()).extracting(x -> x.taskId()).containsExactlyInAnyOrder("g-1", "g-2", "solo");
    assertThat(p.explanations()).isEmpty();
  }

  @Test
  void withConfigDefaultsTheSameRoundExplainsEveryKindOfWait() {
    SchedulerConfig config = SchedulerConfig.defaults();
    List<RunningTask> running = List.of(new RunningTask(task("r", 6, 1024).estimateMillis(100_000)
        .preemptible(false).build(), "n1", 0));

    Plan p = new CorePlanner(config).plan(ClusterView.of(List.of(node("n1", 8, "eu/a/r1")), running, QUEUES),
        pending(task("head", 7, 1024).estimateMillis(60_000).submitMillis(1).build(),
            task("long", 2, 1024).estimateMillis(600_000).submitMillis(2).build(),
            task("lost", 1, 1024).queue("root.nope").build()), 0);

    assertThat(p.explanations().keySet()).containsExactlyInAnyOrder("head", "long", "lost");
    assertThat(why(p, "long")).isEqualTo("cannot start now without delaying a reserved task");
  }
}
