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
import dev.weft.scheduler.api.Plan;
import dev.weft.scheduler.api.RunningTask;
import dev.weft.scheduler.api.SchedulerConfig.Backfill;
import dev.weft.scheduler.api.TaskGraph;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which task a leaf offers first under each policy. The node has room for exactly one of the
 * 1-cpu tasks and backfilling is off, so the one placed is the one the policy put first.
 */
class LeafPolicyTest {
  static final long MINUTE = 60_000;
  static final long NOW = 60 * MINUTE;

  static String first(QueueSpec leaf, List<RunningTask> running, TaskGraph graph, PendingTask... tasks) {
    ClusterView view = new ClusterView(List.of(node("n1", 1, 4096)), running,
        QueueSpec.parent("root", List.of(leaf)), Map.of(), graph);
    Plan p = new CorePlanner(noPreemption().withBackfill(Backfill.NONE)).plan(view, Arrays.asList(tasks), NOW);
    assertThat(p.placements()).as("exactly one task fits").hasSize(1);
    return p.placements().get(0).taskId();
  }

  static String first(PolicyName policy, TaskSpec.Builder... tasks) {
    return first(QueueSpec.leaf("q", policy), List.of(), TaskGraph.EMPTY,
        Arrays.stream(tasks).map(t -> PendingTask.of(t.queue("root.q").build())).toArray(PendingTask[]::new));
  }

  static TaskSpec.Builder one(String id) {
    return task(id, 1, 1024).submitMillis(NOW);
  }

  @Test
  void fcfsServesTheEarliestSubmissionWhateverTheListOrder() {
    assertThat(first(PolicyName.FCFS, one("late").submitMillis(NOW - MINUTE), one("early").submitMillis(NOW - 2 * MINUTE)))
        .isEqualTo("early");
  }

  @Test
  void equalSubmissionTimesKeepArrivalOrderInEveryPolicy() {
    for (PolicyName p : PolicyName.values()) {
      assertThat(first(p, one("arrived-first"), one("arrived-second"))).as(p.wire()).isEqualTo("arrived-first");
    }
  }

  @Test
  void sjfServesTheShortestEstimateFirstAndUnknownEstimatesLast() {
    assertThat(first(PolicyName.SJF, one("long").estimateMillis(10 * MINUTE), one("unknown"),
        one("short").estimateMillis(MINUTE))).isEqualTo("short");
    assertThat(first(PolicyName.SJF, one("unknown"), one("long").estimateMillis(10 * MINUTE))).isEqualTo("long");
  }

  @Test
  void srtfServesTheShortestRemainingTimeCountingWorkAlreadyDone() {
    PendingTask fresh = PendingTask.of(one("fresh").queue("root.q").estimateMillis(2 * MINUTE).build());
    PendingTask resumed = new PendingTask(one("resumed").queue("root.q").estimateMillis(5 * MINUTE).build(),
        4 * MINUTE, 1);

    assertThat(first(QueueSpec.leaf("q", PolicyName.SRTF), List.of(), TaskGraph.EMPTY, fresh, resumed))
        .isEqualTo("resumed");
  }

  @ParameterizedTest(name = "priority 40 waiting {0} min vs a fresh priority 50, aging {1}/min: {2} first")
  @CsvSource({
      "0,  1, p50",
      "20, 1, p40",
      "5,  1, p50",
      "10, 1, p40",
      "20, 0, p50",
      "3,  5, p40",
      "1,  5, p50"})
  void priorityServesTheHigherEffectivePriorityAndAgingLetsAnOldTaskOvertake(long waitedMinutes, double aging,
                                                                             String expected) {
    QueueSpec leaf = QueueSpec.leaf("q", PolicyName.PRIORITY).withAging(aging);

    String winner = first(leaf, List.of(), TaskGraph.EMPTY,
        PendingTask.of(one("p50").queue("root.q").priority(50).build()),
        PendingTask.of(one("p40").queue("root.q").priority(40).submitMillis(NOW - waitedMinutes * MINUTE).build()));

    assertThat(winner).isEqualTo(expected);
  }

  @Test
  void edfServesTheEarliestDeadlineFirstAndTasksWithoutOneLast() {
    assertThat(first(PolicyName.EDF, one("none").submitMillis(0), one("later").deadlineMillis(NOW + 10 * MINUTE),
        one("sooner").deadlineMillis(NOW + 5 * MINUTE))).isEqualTo("sooner");
    assertThat(first(PolicyName.EDF, one("none").submitMillis(0), one("any").deadlineMillis(NOW + 600 * MINUTE)))
        .isEqualTo("any");
  }

  /** a -> b -> c: a is short but heads a 110-second chain; x is a lone 60-second task. */
  static final TaskGraph CHAIN = new TaskGraph(Map.of("a", List.of("b"), "b", List.of("c")),
      Map.of("a", 10_000L, "b", 50_000L, "c", 50_000L));

  @Test
  void criticalPathServesTheTaskWithTheLongestChainOfWorkAfterIt() {
    PendingTask x = PendingTask.of(one("x").queue("root.q").estimateMillis(60_000).build());
    PendingTask a = PendingTask.of(one("a").queue("root.q").estimateMillis(10_000).build());
    QueueSpec leaf = QueueSpec.leaf("q", PolicyName.CRITICAL_PATH);

    assertThat(first(leaf, List.of(), CHAIN, x, a)).as("rank(a) = 110 s > rank(x) = 60 s").isEqualTo("a");
    assertThat(first(leaf, List.of(), TaskGraph.EMPTY, x, a)).as("without the graph a ranks by its own 10 s")
        .isEqualTo("x");
  }

  /** a (5 s), c (6 s) and b (3 s) -> d (1 s) on 2 CPUs; see DagLookaheadTest for the two schedules. */
  @Test
  void dagLookaheadStartsTheShortTaskThatUnlocksASuccessorWhereCriticalPathStartsTheLongestChains() {
    TaskGraph graph = new TaskGraph(Map.of("b", List.of("d")),
        Map.of("a", 5_000L, "b", 3_000L, "c", 6_000L, "d", 1_000L));

    assertThat(placedOnTwoCpus(PolicyName.CRITICAL_PATH, graph)).as("ranks c 6 s, a 5 s, b 4 s")
        .containsExactly("c", "a");
    assertThat(placedOnTwoCpus(PolicyName.DAG_LOOKAHEAD, graph)).as("a plan ending at 8 s instead of 9 s")
        .containsExactly("b", "c");
  }

  private static List<String> placedOnTwoCpus(PolicyName policy, TaskGraph graph) {
    QueueSpec leaf = QueueSpec.leaf("q", policy);
    ClusterView view = new ClusterView(List.of(node("n1", 2, 4096)), List.of(), QueueSpec.parent("root", List.of(leaf)),
        Map.of(), graph);
    List<PendingTask> pending = List.of("a", "b", "c").stream()
        .map(id -> PendingTask.of(one(id).queue("root.q").estimateMillis(graph.estimates().get(id)).build())).toList();
    return new CorePlanner(noPreemption().withBackfill(Backfill.NONE)).plan(view, pending, NOW).placements().stream()
        .map(Placement::taskId).toList();
  }

  @Test
  void fairServesTheUserWithTheLowerDominantShareOfTheLeafFirst() {
    QueueSpec leaf = QueueSpec.leaf("q", PolicyName.FAIR);
    ClusterView view = new ClusterView(List.of(node("n1", 4, 8192)),
        List.of(new RunningTask(task("alice-0", 1, 4096).queue("root.q").user("alice").build(), "n1", 0),
            new RunningTask(task("bob-0", 1.5, 512).queue("root.q").user("bob").build(), "n1", 0)),
        QueueSpec.parent("root", List.of(leaf)), Map.of(), TaskGraph.EMPTY);
    List<PendingTask> pending = List.of(
        PendingTask.of(task("alice-1", 1, 1024).queue("root.q").user("alice").submitMillis(1).build()),
        PendingTask.of(task("bob-1", 1, 1024).queue("root.q").user("bob").submitMillis(2).build()));

    Plan p = new CorePlanner(noPreemption().withBackfill(Backfill.NONE)).plan(view, pending, NOW);

    assertThat(p.placements()).extracting(Placement::taskId)
        .as("alice holds half the memory, bob 3/8 of the cpus").containsExactly("bob-1");
  }

  @Test
  void fairAlternatesBetweenUsersAsTheirSharesGrow() {
    QueueSpec leaf = QueueSpec.leaf("q", PolicyName.FAIR);
    ClusterView view = new ClusterView(List.of(node("n1", 4, 8192)), List.of(), QueueSpec.parent("root", List.of(leaf)),
        Map.of(), TaskGraph.EMPTY);
    List<PendingTask> pending = List.of(
        PendingTask.of(task("a1", 1, 1024).queue("root.q").user("alice").submitMillis(1).build()),
        PendingTask.of(task("a2", 1, 1024).queue("root.q").user("alice").submitMillis(2).build()),
        PendingTask.of(task("a3", 1, 1024).queue("root.q").user("alice").submitMillis(3).build()),
        PendingTask.of(task("b1", 1, 1024).queue("root.q").user("bob").submitMillis(4).build()),
        PendingTask.of(task("b2", 1, 1024).queue("root.q").user("bob").submitMillis(5).build()),
        PendingTask.of(task("b3", 1, 1024).queue("root.q").user("bob").submitMillis(6).build()));

    Plan p = new CorePlanner(noPreemption().withBackfill(Backfill.NONE)).plan(view, pending, NOW);

    assertThat(p.placements()).extracting(Placement::taskId).containsExactly("a1", "b1", "a2", "b2");
  }
}
