package dev.weft.scheduler;

import static dev.weft.scheduler.Fixtures.node;
import static dev.weft.scheduler.Fixtures.noPreemption;
import static dev.weft.scheduler.Fixtures.pending;
import static dev.weft.scheduler.Fixtures.placedIn;
import static dev.weft.scheduler.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.PolicyName;
import dev.weft.model.QueueSpec;
import dev.weft.model.Resources;
import dev.weft.model.Share;
import dev.weft.model.TaskSpec;
import dev.weft.scheduler.api.ClusterView;
import dev.weft.scheduler.api.Explanation;
import dev.weft.scheduler.api.Placement;
import dev.weft.scheduler.api.Plan;
import dev.weft.scheduler.api.RunningTask;
import dev.weft.scheduler.api.SchedulerConfig.Backfill;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A queue's max and a user's limit within a leaf, on one node of 8 cpus and 64 GiB. */
class QueueLimitsTest {
  static Plan plan(Backfill backfill, QueueSpec queues, List<RunningTask> running, TaskSpec... tasks) {
    return new CorePlanner(noPreemption().withBackfill(backfill))
        .plan(ClusterView.of(List.of(node("n1", 8, 64 * 1024)), running, queues), pending(tasks), 0);
  }

  static Plan plan(QueueSpec queues, List<RunningTask> running, TaskSpec... tasks) {
    return plan(Backfill.EASY, queues, running, tasks);
  }

  static String why(Plan p, String id) {
    return p.explain(id).map(Explanation::message).orElse("(placed)");
  }

  static TaskSpec.Builder in(String queue, String id, double cpus) {
    return task(id, cpus, 1024).queue(queue);
  }

  static RunningTask running(String queue, String id, double cpus) {
    return new RunningTask(in(queue, id, cpus).build(), "n1", 0);
  }

  static QueueSpec aWithMax(Share max) {
    return QueueSpec.parent("root", List.of(QueueSpec.leaf("a", PolicyName.FCFS).withMax(max),
        QueueSpec.leaf("b", PolicyName.FCFS)));
  }

  @ParameterizedTest(name = "with backfill {0}")
  @EnumSource(Backfill.class)
  void aQueueAtItsMaxPlacesNothingMoreAndSaysSoWhileOthersRun(Backfill backfill) {
    Plan p = plan(backfill, aWithMax(new Share.Percent(50)), List.of(running("root.a", "r", 4)),
        in("root.a", "a1", 1).build(), in("root.a", "a2", 1).build(), in("root.b", "b1", 1).build());

    assertThat(p.placements()).extracting(Placement::taskId).containsExactly("b1");
    assertThat(why(p, "a1")).isEqualTo("queue root.a is at its maximum share");
    assertThat(why(p, "a2")).isEqualTo("queue root.a is at its maximum share");
  }

  @Test
  void aQueueBorrowsIdleCapacityUpToItsMaxAndNoFurther() {
    List<TaskSpec> tasks = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      tasks.add(in("root.a", "a" + i, 1).submitMillis(i).build());
    }

    Plan p = plan(aWithMax(new Share.Percent(50)), List.of(), tasks.toArray(TaskSpec[]::new));

    assertThat(placedIn(p, "a")).isEqualTo(4);
    assertThat(why(p, "a4")).isEqualTo("queue root.a is at its maximum share");
  }

  @Test
  void anAbsoluteMaxCapsTheQueueAtThatVector() {
    Plan p = plan(aWithMax(new Share.Absolute(Resources.of(3000, 32 * 1024))), List.of(),
        in("root.a", "a1", 2).build(), in("root.a", "a2", 2).build());

    assertThat(p.placements()).extracting(Placement::taskId).containsExactly("a1");
  }

  @Test
  void anAbsoluteMaxNamingOnlyCpuDoesNotCapMemoryAtZero() {
    Plan p = plan(aWithMax(new Share.Absolute(Resources.cpus(3))), List.of(), in("root.a", "a1", 2).build());

    assertThat(p.placements()).extracting(Placement::taskId).containsExactly("a1");
  }

  @Test
  void aParentsMaxCapsItsLeavesTogether() {
    QueueSpec tree = QueueSpec.parent("root", List.of(
        QueueSpec.parent("p", List.of(QueueSpec.leaf("x", PolicyName.FCFS), QueueSpec.leaf("y", PolicyName.FCFS)))
            .withMax(new Share.Percent(25)),
        QueueSpec.leaf("z", PolicyName.FCFS)));

    Plan p = plan(tree, List.of(), in("root.p.x", "x1", 1).build(), in("root.p.x", "x2", 1).build(),
        in("root.p.y", "y1", 1).build(), in("root.p.y", "y2", 1).build(), in("root.z", "z1", 1).build());

    assertThat(placedIn(p, "x") + placedIn(p, "y")).as("25% of 8 cpus").isEqualTo(2);
    assertThat(placedIn(p, "z")).isEqualTo(1);
    assertThat(p.explanations().values()).extracting(Explanation::message)
        .contains("queue root.p is at its maximum share");
  }

  @Test
  void aFullClusterIsNotAFullQueueAQueueWithoutAMaxIsToldNoNodeFits() {
    Plan p = plan(Backfill.NONE, QueueSpec.defaultTree(PolicyName.FCFS),
        List.of(running("root.default", "r", 8)), task("t", 1, 1024).build());

    assertThat(why(p, "t")).isEqualTo("no node fits: 1 insufficient cpu");
  }

  @Test
  void aTaskTooBigForWhatIsLeftUnderTheMaxDoesNotStopSmallerOnesBehindItWhenBackfilling() {
    Plan p = plan(Backfill.EASY, aWithMax(new Share.Percent(50)), List.of(running("root.a", "r", 2)),
        in("root.a", "big", 4).submitMillis(1).build(), in("root.a", "small", 1).submitMillis(2).build());

    assertThat(why(p, "big")).isEqualTo("queue root.a is at its maximum share");
    assertThat(p.placements()).extracting(Placement::taskId).containsExactly("small");
  }

  // --- per-user limits ---------------------------------------------------------------------------

  static QueueSpec sharedWithUserLimit(double percent) {
    return QueueSpec.parent("root", List.of(new QueueSpec("shared", Share.NONE, Share.ALL, 1, PolicyName.FCFS,
        List.of(), new Share.Percent(percent), QueueSpec.DEFAULT_AGING_PER_MINUTE)));
  }

  @Test
  void aUserAtTheLimitWaitsWithAReasonWhileOtherUsersOfTheQueueRun() {
    List<RunningTask> running = List.of(new RunningTask(in("root.shared", "r", 4).user("alice").build(), "n1", 0));

    Plan p = plan(sharedWithUserLimit(50), running, in("root.shared", "alice-1", 1).user("alice").build(),
        in("root.shared", "bob-1", 1).user("bob").build(), in("root.shared", "alice-2", 1).user("alice").build(),
        in("root.shared", "bob-2", 1).user("bob").build());

    assertThat(p.placements()).extracting(Placement::taskId).containsExactly("bob-1", "bob-2");
    assertThat(why(p, "alice-1")).isEqualTo("user alice is at the per-user limit of queue root.shared");
    assertThat(why(p, "alice-2")).isEqualTo("user alice is at the per-user limit of queue root.shared");
  }

  @Test
  void aUserMayFillTheLimitExactly() {
    Plan p = plan(sharedWithUserLimit(50), List.of(), in("root.shared", "a1", 2).user("alice").build(),
        in("root.shared", "a2", 2).user("alice").build(), in("root.shared", "a3", 1).user("alice").build());

    assertThat(p.placements()).extracting(Placement::taskId).containsExactly("a1", "a2");
  }

  // --- gangs count as a whole ---------------------------------------------------------------------

  static TaskSpec[] gang(String queue, String user, int members, double cpus) {
    TaskSpec[] out = new TaskSpec[members];
    for (int i = 0; i < members; i++) {
      out[i] = Scenarios.withId(in(queue, "m", cpus).user(user).gang("g", members).build(), "g-" + i);
    }
    return out;
  }

  @Test
  void aGangThatWouldTakeItsQueuePastItsMaxIsNotPlacedAtAll() {
    Plan p = plan(aWithMax(new Share.Percent(25)), List.of(), gang("root.a", "alice", 2, 1.5));

    assertThat(p.placements()).isEmpty();
    assertThat(why(p, "g-0")).isEqualTo("gang g as a whole would take queue root.a past its maximum share");
    assertThat(why(p, "g-1")).isEqualTo(why(p, "g-0"));
  }

  @Test
  void aGangThatWouldTakeItsUserPastTheLimitIsNotPlacedAtAll() {
    Plan p = plan(sharedWithUserLimit(50), List.of(), gang("root.shared", "alice", 3, 1.5));

    assertThat(p.placements()).isEmpty();
    assertThat(why(p, "g-2"))
        .isEqualTo("gang g as a whole would take user alice past the per-user limit of queue root.shared");
  }

  @Test
  void aGangWithinTheLimitsIsPlacedWhole() {
    Plan p = plan(sharedWithUserLimit(50), List.of(), gang("root.shared", "alice", 2, 2));

    assertThat(p.placements()).hasSize(2);
  }
}
