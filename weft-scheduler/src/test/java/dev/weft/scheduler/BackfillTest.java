package dev.weft.scheduler;

import static dev.weft.scheduler.Fixtures.node;
import static dev.weft.scheduler.Fixtures.noPreemption;
import static dev.weft.scheduler.Fixtures.pending;
import static dev.weft.scheduler.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.PolicyName;
import dev.weft.model.QueueSpec;
import dev.weft.model.TaskSpec;
import dev.weft.scheduler.api.ClusterView;
import dev.weft.scheduler.api.Explanation;
import dev.weft.scheduler.api.Placement;
import dev.weft.scheduler.api.Plan;
import dev.weft.scheduler.api.Reservation;
import dev.weft.scheduler.api.RunningTask;
import dev.weft.scheduler.api.SchedulerConfig;
import dev.weft.scheduler.api.SchedulerConfig.Backfill;
import dev.weft.scheduler.api.TaskGraph;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Backfilling on one 10-cpu node where a 6-cpu task runs until t=100 s: the head of the queue does
 * not fit now, gets a reservation, and later tasks may start only if they delay no reservation
 * (EASY: the head's; conservative: every blocked task's).
 */
class BackfillTest {
  static final long S = 1000;
  static final RunningTask SIX_CPUS_UNTIL_100S =
      new RunningTask(task("running", 6, 1024).user("ops").estimateMillis(100 * S).build(), "n1", 0);

  static Plan plan(SchedulerConfig config, Map<String, List<Long>> history, TaskSpec... tasks) {
    ClusterView view = new ClusterView(List.of(node("n1", 10, 64 * 1024)), List.of(SIX_CPUS_UNTIL_100S),
        QueueSpec.defaultTree(PolicyName.FCFS), history, TaskGraph.EMPTY);
    return new CorePlanner(config).plan(view, pending(tasks), 0);
  }

  static Plan plan(Backfill backfill, TaskSpec... tasks) {
    return plan(noPreemption().withBackfill(backfill), Map.of(), tasks);
  }

  /** A task of {@code cpus} expected to run {@code seconds}, submitted {@code order}-th. */
  static TaskSpec t(String id, double cpus, long seconds, int order) {
    return task(id, cpus, 1024).estimateMillis(seconds * S).submitMillis(order).build();
  }

  static String why(Plan p, String id) {
    return p.explain(id).map(Explanation::message).orElse("(placed)");
  }

  // head: 6 cpus for 100 s, reserved [100 s, 200 s), leaving 4 cpus free then.
  // second: 8 cpus for 100 s; conservative reserves it [200 s, 300 s), leaving 2 cpus free then.
  // third: 4 cpus for 300 s; it fits now and through the head's reservation, not through the second's.
  static final TaskSpec HEAD = t("head", 6, 100, 1);
  static final TaskSpec SECOND = t("second", 8, 100, 2);
  static final TaskSpec THIRD = t("third", 4, 300, 3);

  @Test
  void easyLetsATaskStartThatDelaysOnlyTheReservationOfTheSecondBlockedTask() {
    Plan p = plan(Backfill.EASY, HEAD, SECOND, THIRD);

    assertThat(p.placements()).containsExactly(new Placement("third", "n1", true));
    assertThat(p.reservations()).containsExactly(new Reservation("head", "n1", 100 * S));
    assertThat(why(p, "second")).isEqualTo("cannot start now without delaying a reserved task");
  }

  @Test
  void conservativeReservesEveryBlockedTaskSoTheSameTaskMustWait() {
    Plan p = plan(Backfill.CONSERVATIVE, HEAD, SECOND, THIRD);

    assertThat(p.placements()).isEmpty();
    assertThat(p.reservations()).containsExactly(new Reservation("head", "n1", 100 * S),
        new Reservation("second", "n1", 200 * S), new Reservation("third", "n1", 300 * S));
    assertThat(why(p, "third")).startsWith("reserved n1 from t=300.0 s; no node fits now");
  }

  @Test
  void withoutBackfillingNothingStartsBehindTheBlockedHead() {
    Plan p = plan(Backfill.NONE, HEAD, SECOND, THIRD);

    assertThat(p.placements()).isEmpty();
    assertThat(p.reservations()).isEmpty();
    assertThat(why(p, "third")).isEqualTo("waiting behind head at the head of queue root.default");
  }

  // head: 8 cpus for 100 s, reserved [100 s, 200 s), leaving 2 cpus free then.
  static final TaskSpec BIG_HEAD = t("head", 8, 100, 1);

  @ParameterizedTest(name = "EASY, {0}: backfilled = {3}")
  @CsvSource({
      "a 4-cpu task ending before the reservation starts,     4, 50,  true",
      "a 4-cpu task ending exactly when it starts,            4, 100, true",
      "a 4-cpu task still running when it starts,             4, 200, false",
      "a 2-cpu task running through it in the spare 2 cpus,   2, 900, true",
      "a 3-cpu task with no estimate,                         3, 0,   false"})
  void aBackfillCandidateStartsOnlyIfItDoesNotDelayTheHeadsReservation(String name, double cpus, long seconds,
                                                                        boolean backfilled) {
    Plan p = plan(Backfill.EASY, BIG_HEAD, t("candidate", cpus, seconds, 2));

    assertThat(p.reservations()).containsExactly(new Reservation("head", "n1", 100 * S));
    if (backfilled) {
      assertThat(p.placements()).containsExactly(new Placement("candidate", "n1", true));
    } else {
      assertThat(p.placements()).isEmpty();
      assertThat(why(p, "candidate")).isEqualTo("cannot start now without delaying a reserved task");
    }
  }

  @Test
  void easySjbfTriesTheShortestCandidateFirst() {
    TaskSpec longer = t("longer", 4, 80, 2);
    TaskSpec shorter = t("shorter", 4, 20, 3);

    Plan easy = plan(Backfill.EASY, BIG_HEAD, longer, shorter);
    Plan sjbf = plan(noPreemption().withBackfill(Backfill.EASY).withShortestFirst(true), Map.of(), BIG_HEAD, longer,
        shorter);

    assertThat(easy.placements()).extracting(Placement::taskId).containsExactly("longer");
    assertThat(sjbf.placements()).extracting(Placement::taskId).containsExactly("shorter");
  }

  // --- EASY++: run times predicted from the user's last two runs -----------------------------------

  static TaskSpec carols(long estimateSeconds) {
    return task("carols", 4, 1024).user("carol").estimateMillis(estimateSeconds * S).submitMillis(2).build();
  }

  @ParameterizedTest(name = "{0}: EASY++ backfills = {3}")
  @CsvSource({
      "the mean of the last two runs (50 s) ends before the reservation, 200, '10,40,60',   true",
      "the mean of the last two runs (150 s) does not,                    200, '40,100,200', false",
      "one past run is not enough to predict,                             200, '40',         false",
      "the prediction never exceeds the estimate,                         60,  '400,600',    true"})
  void easyPlusPlusPredictsRunTimesFromTheUsersLastTwoRuns(String name, long estimateSeconds, String runs,
                                                          boolean backfilled) {
    List<Long> history = Arrays.stream(runs.split(",")).map(r -> Long.parseLong(r.trim()) * S).toList();

    Plan easyPlusPlus = plan(noPreemption().withBackfill(Backfill.EASY_PLUS_PLUS), Map.of("carol", history), BIG_HEAD,
        carols(estimateSeconds));

    assertThat(easyPlusPlus.placements()).hasSize(backfilled ? 1 : 0);
  }

  @Test
  void plainEasyIgnoresTheHistoryAndGoesByTheEstimate() {
    Plan easy = plan(noPreemption().withBackfill(Backfill.EASY), Map.of("carol", List.of(40 * S, 60 * S)), BIG_HEAD,
        carols(200));

    assertThat(easy.placements()).isEmpty();
  }

  @Test
  void easyPlusPlusAlsoPredictsWhenRunningTasksEndSoTheHeadsReservationMovesEarlier() {
    Plan easy = plan(noPreemption().withBackfill(Backfill.EASY), Map.of("ops", List.of(20 * S, 40 * S)), BIG_HEAD);
    Plan easyPlusPlus = plan(noPreemption().withBackfill(Backfill.EASY_PLUS_PLUS),
        Map.of("ops", List.of(20 * S, 40 * S)), BIG_HEAD);

    assertThat(easy.reservations()).containsExactly(new Reservation("head", "n1", 100 * S));
    assertThat(easyPlusPlus.reservations()).containsExactly(new Reservation("head", "n1", 30 * S));
  }

  @Test
  void aReservationIsMadeOnTheNodeThatFreesUpFirst() {
    ClusterView view = ClusterView.of(List.of(node("a", 8, 64 * 1024), node("b", 8, 64 * 1024)),
        List.of(new RunningTask(task("ra", 8, 1024).estimateMillis(300 * S).build(), "a", 0),
            new RunningTask(task("rb", 8, 1024).estimateMillis(100 * S).build(), "b", 0)),
        QueueSpec.defaultTree(PolicyName.FCFS));

    Plan p = new CorePlanner(noPreemption()).plan(view, pending(t("head", 4, 50, 1)), 0);

    assertThat(p.reservations()).containsExactly(new Reservation("head", "b", 100 * S));
  }
}
