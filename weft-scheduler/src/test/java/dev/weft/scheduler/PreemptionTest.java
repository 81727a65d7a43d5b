package dev.weft.scheduler;

import static dev.weft.scheduler.Fixtures.node;
import static dev.weft.scheduler.Fixtures.pending;
import static dev.weft.scheduler.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.weft.model.LabelConstraint;
import dev.weft.model.Node;
import dev.weft.model.PolicyName;
import dev.weft.model.QueueSpec;
import dev.weft.model.Share;
import dev.weft.model.TaskSpec;
import dev.weft.scheduler.api.ClusterView;
import dev.weft.scheduler.api.Placement;
import dev.weft.scheduler.api.Plan;
import dev.weft.scheduler.api.Preemption;
import dev.weft.scheduler.api.PreemptionConfig;
import dev.weft.scheduler.api.PreemptionMode;
import dev.weft.scheduler.api.RunningTask;
import dev.weft.scheduler.api.SchedulerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Which running tasks stop so a pending one can start: by priority, by remaining time, by guarantee. */
class PreemptionTest {
  static final QueueSpec ONE_QUEUE = QueueSpec.defaultTree(PolicyName.FCFS);

  static PreemptionConfig byPriority(int gap) {
    return new PreemptionConfig(true, gap, false, false, 0.1, 0.1, PreemptionMode.KILL_AND_REQUEUE);
  }

  static PreemptionConfig bySrtf() {
    return new PreemptionConfig(false, 10, true, false, 0.1, 0.1, PreemptionMode.KILL_AND_REQUEUE);
  }

  static PreemptionConfig reclaim(double deadZone, double maxPerRound) {
    return new PreemptionConfig(false, 10, false, true, deadZone, maxPerRound, PreemptionMode.KILL_AND_REQUEUE);
  }

  static Plan plan(PreemptionConfig preemption, List<Node> nodes, List<RunningTask> running, QueueSpec queues,
                   TaskSpec... tasks) {
    return new CorePlanner(SchedulerConfig.defaults().withPreemption(preemption))
        .plan(ClusterView.of(nodes, running, queues), pending(tasks), 1_000_000);
  }

  static RunningTask running(String id, double cpus, int priority, String node, long start) {
    return new RunningTask(task(id, cpus, 1024).priority(priority).build(), node, start);
  }

  static List<String> victims(Plan p) {
    return p.preemptions().stream().map(Preemption::taskId).toList();
  }

  static String whereIs(Plan p, String task) {
    return p.placements().stream().filter(x -> x.taskId().equals(task)).map(Placement::nodeId).findFirst()
        .orElse(null);
  }

  // --- by priority ----------------------------------------------------------------------------

  @ParameterizedTest(name = "priority {0} vs running priority {1}, gap {2}: preempts = {3}")
  @CsvSource({
      "60, 40, 10, true",
      "60, 50, 10, true",
      "60, 51, 10, false",
      "60, 55, 10, false",
      "60, 55, 5,  true",
      "50, 50, 1,  false",
      "90, 10, 80, true",
      "90, 10, 81, false"})
  void aTaskPreemptsOnlyTasksLowerByAtLeastTheConfiguredGap(int pendingPriority, int runningPriority, int gap,
                                                            boolean preempts) {
    Plan p = plan(byPriority(gap), List.of(node("n1", 4, 8192)), List.of(running("r", 4, runningPriority, "n1", 0)),
        ONE_QUEUE, task("t", 4, 1024).priority(pendingPriority).build());

    if (preempts) {
      assertThat(p.preemptions()).containsExactly(new Preemption("r", "n1", PreemptionMode.KILL_AND_REQUEUE, "t",
          "priority " + pendingPriority + " preempts priority <= " + (pendingPriority - gap)));
      assertThat(whereIs(p, "t")).isEqualTo("n1");
    } else {
      assertThat(p.preemptions()).isEmpty();
      assertThat(p.placements()).isEmpty();
      assertThat(p.explain("t")).isPresent();
    }
  }

  @Test
  void theVictimIsTheLowestPriorityTaskThatMakesRoom() {
    List<Node> nodes = List.of(node("n1", 4, 8192), node("n2", 4, 8192), node("n3", 4, 8192));
    List<RunningTask> running = List.of(running("p30", 4, 30, "n1", 0), running("p10", 4, 10, "n2", 0),
        running("p20", 4, 20, "n3", 0));

    Plan p = plan(byPriority(10), nodes, running, ONE_QUEUE, task("t", 4, 1024).priority(60).build());

    assertThat(victims(p)).containsExactly("p10");
    assertThat(whereIs(p, "t")).isEqualTo("n2");
  }

  @Test
  void aNodeWhoseVictimsAreAllLowerWinsEvenIfItNeedsMoreOfThem() {
    List<Node> nodes = List.of(node("n1", 4, 8192), node("n2", 4, 8192));
    List<RunningTask> running = List.of(running("a", 2, 10, "n1", 0), running("b", 2, 10, "n1", 0),
        running("c", 4, 30, "n2", 0));

    Plan p = plan(byPriority(10), nodes, running, ONE_QUEUE, task("t", 4, 1024).priority(60).build());

    assertThat(victims(p)).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void amongNodesWhoseWorstVictimsHaveTheSamePriorityTheOneNeedingFewerVictimsWins() {
    List<Node> nodes = List.of(node("n1", 4, 8192), node("n2", 4, 8192));
    List<RunningTask> running = List.of(running("a", 2, 10, "n1", 200), running("b", 2, 10, "n1", 100),
        running("c", 4, 10, "n2", 0));

    Plan p = plan(byPriority(10), nodes, running, ONE_QUEUE, task("t", 4, 1024).priority(60).build());

    assertThat(victims(p)).containsExactly("c");
  }

  @Test
  void onANodeOnlyAsManyVictimsAsNeededAreTakenYoungestFirst() {
    List<RunningTask> running = List.of(running("old", 2, 10, "n1", 0), running("mid", 2, 10, "n1", 100),
        running("young", 2, 10, "n1", 200), running("newest", 2, 10, "n1", 300));

    Plan p = plan(byPriority(10), List.of(node("n1", 8, 8192)), running, ONE_QUEUE,
        task("t", 4, 1024).priority(60).build());

    assertThat(victims(p)).containsExactly("newest", "young");
  }

  @Test
  void aNonPreemptibleTaskIsNeverAVictim() {
    List<RunningTask> pinned = List.of(new RunningTask(task("pinned", 4, 1024).priority(0).preemptible(false).build(),
        "n1", 0));

    Plan alone = plan(byPriority(10), List.of(node("n1", 4, 8192)), pinned, ONE_QUEUE,
        task("t", 4, 1024).priority(100).build());
    List<RunningTask> both = new ArrayList<>(pinned);
    both.add(running("soft", 4, 40, "n2", 0));
    Plan withAlternative = plan(byPriority(10), List.of(node("n1", 4, 8192), node("n2", 4, 8192)), both, ONE_QUEUE,
        task("t", 4, 1024).priority(100).build());

    assertThat(alone.preemptions()).isEmpty();
    assertThat(alone.explain("t")).isPresent();
    assertThat(victims(withAlternative)).containsExactly("soft");
  }

  @Test
  void victimsAreOnlySoughtOnNodesTheTaskMayRunOn() {
    List<Node> nodes = List.of(node("hdd", 4, 8192, "eu/a/r1", Map.of("disk", "hdd")),
        node("ssd", 4, 8192, "eu/a/r1", Map.of("disk", "ssd")));
    List<RunningTask> running = List.of(running("p10", 4, 10, "hdd", 0), running("p30", 4, 30, "ssd", 0));

    Plan p = plan(byPriority(10), nodes, running, ONE_QUEUE,
        task("t", 4, 1024).priority(60).constraints(List.of(LabelConstraint.equalTo("disk", "ssd"))).build());

    assertThat(victims(p)).containsExactly("p30");
    assertThat(whereIs(p, "t")).isEqualTo("ssd");
  }

  @ParameterizedTest(name = "{0} is reported in the preemption")
  @EnumSource(PreemptionMode.class)
  void thePreemptionCarriesTheConfiguredMode(PreemptionMode mode) {
    Plan p = plan(byPriority(10).withMode(mode), List.of(node("n1", 4, 8192)), List.of(running("r", 4, 10, "n1", 0)),
        ONE_QUEUE, task("t", 4, 1024).priority(60).build());

    assertThat(p.preemptions()).extracting(Preemption::mode).containsExactly(mode);
  }

  @Test
  void withPreemptionOffNothingIsPreempted() {
    Plan p = plan(PreemptionConfig.none(), List.of(node("n1", 4, 8192)), List.of(running("r", 4, 0, "n1", 0)),
        ONE_QUEUE, task("t", 4, 1024).priority(100).build());

    assertThat(p.preemptions()).isEmpty();
  }

  @Test
  void onlyTheHeadOfAQueuePreemptsTheTasksBackfillingBehindItDoNot() {
    List<RunningTask> running = List.of(running("r", 4, 10, "n1", 0));

    Plan p = plan(byPriority(10), List.of(node("n1", 4, 8192)), running, ONE_QUEUE,
        task("huge", 64, 1024).priority(90).submitMillis(1).build(),
        task("t", 4, 1024).priority(90).submitMillis(2).build());

    assertThat(p.preemptions()).isEmpty();
    assertThat(p.explain("t")).isPresent();
  }

  // --- shortest remaining time first ------------------------------------------------------------

  static final QueueSpec SRTF = QueueSpec.parent("root",
      List.of(QueueSpec.leaf("short", PolicyName.SRTF), QueueSpec.leaf("other", PolicyName.SRTF)));

  /** Started 100 s before now. */
  static RunningTask runningFor(String id, String queue, long estimateMillis) {
    return new RunningTask(task(id, 4, 1024).queue(queue).estimateMillis(estimateMillis).build(), "n1", 900_000);
  }

  @Test
  void inAnSrtfQueueAShorterTaskPreemptsALongerOneOfTheSameQueue() {
    Plan p = plan(bySrtf(), List.of(node("n1", 4, 8192)), List.of(runningFor("long", "root.short", 1_000_000)),
        SRTF, task("t", 4, 1024).queue("root.short").estimateMillis(10_000).build());

    assertThat(p.preemptions()).extracting(Preemption::taskId, Preemption::reason)
        .containsExactly(tuple("long", "shorter remaining time (10.0 s)"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "the running task is in another queue,             root.other, 1000000, 10000",
      "the running task has less time left,              root.short, 1000000, 950000",
      "the pending task has no estimate,                 root.short, 1000000, 0",
      "the running task has no estimate,                 root.short, 0,       10000"})
  void srtfDoesNotPreemptWhen(String name, String runningQueue, long runningEstimate, long pendingEstimate) {
    Plan p = plan(bySrtf(), List.of(node("n1", 4, 8192)), List.of(runningFor("r", runningQueue, runningEstimate)),
        SRTF, task("t", 4, 1024).queue("root.short").estimateMillis(pendingEstimate).build());

    assertThat(p.preemptions()).isEmpty();
  }

  // --- guarantee reclaim ------------------------------------------------------------------------

  static QueueSpec twoQueues(double guaranteeA, double guaranteeB) {
    return QueueSpec.parent("root", List.of(
        QueueSpec.leaf("a", PolicyName.FCFS).withGuarantee(new Share.Percent(guaranteeA)),
        QueueSpec.leaf("b", PolicyName.FCFS).withGuarantee(new Share.Percent(guaranteeB)),
        QueueSpec.leaf("c", PolicyName.FCFS)));
  }

  /** {@code count} tasks of {@code cpus} in {@code queue}, filling 4-cpu nodes n0, n1... from {@code firstSlot}. */
  static List<RunningTask> fill(String queue, int count, double cpus, int firstSlot) {
    List<RunningTask> out = new ArrayList<>();
    int perNode = (int) (4 / cpus);
    for (int i = 0; i < count; i++) {
      int slot = firstSlot + i;
      out.add(new RunningTask(task(queue + i, cpus, 1024).queue("root." + queue).build(), "n" + slot / perNode,
          slot * 10L));
    }
    return out;
  }

  static List<Node> nodes(int n) {
    List<Node> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(node("n" + i, 4, 64 * 1024));
    }
    return out;
  }

  static TaskSpec[] tasksOf(String queue, int count, double cpus) {
    TaskSpec[] out = new TaskSpec[count];
    for (int i = 0; i < count; i++) {
      out[i] = task(queue + "-new" + i, cpus, 1024).queue("root." + queue).submitMillis(i).build();
    }
    return out;
  }

  @Test
  void aStarvedQueueTakesItsGuaranteeBackFromAQueueUsingEverything() {
    Plan p = plan(reclaim(0.1, 1.0), nodes(2), fill("b", 4, 2, 0), twoQueues(50, 50), tasksOf("a", 3, 2));

    assertThat(p.preemptions()).hasSize(2).allSatisfy(x -> {
      assertThat(x.taskId()).startsWith("b");
      assertThat(x.reason()).isEqualTo("queue root.a reclaims its guarantee");
    });
    assertThat(p.placements()).extracting(Placement::taskId).containsExactly("a-new0", "a-new1");
    assertThat(p.explain("a-new2")).as("at its guarantee, root.a reclaims no more").isPresent();
  }

  @ParameterizedTest(name = "root.a at 95% of its guarantee, dead zone {0}: reclaims = {1}")
  @CsvSource({"0.1, false", "0.02, true"})
  void aQueueWithinTheDeadZoneBelowItsGuaranteeDoesNotReclaim(double deadZone, boolean reclaims) {
    List<RunningTask> running = new ArrayList<>(fill("a", 19, 1, 0));
    running.addAll(fill("c", 21, 1, 19));

    Plan p = plan(reclaim(deadZone, 1.0), nodes(10), running, twoQueues(50, 50), tasksOf("a", 1, 1));

    assertThat(victims(p)).hasSize(reclaims ? 1 : 0).allMatch(v -> v.startsWith("c"));
  }

  @ParameterizedTest(name = "root.b at 105% of its guarantee, dead zone {0}: gives back = {1}")
  @CsvSource({"0.1, false", "0.0, true"})
  void aQueueWithinTheDeadZoneAboveItsGuaranteeGivesNothingBack(double deadZone, boolean givesBack) {
    Plan p = plan(reclaim(deadZone, 1.0), nodes(10), fill("b", 40, 1, 0), twoQueues(5, 95), tasksOf("a", 1, 1));

    assertThat(victims(p)).hasSize(givesBack ? 1 : 0);
  }

  @Test
  void aVictimIsTakenOnlyIfItsQueueStaysAtItsGuaranteeWithoutIt() {
    List<RunningTask> running = List.of(new RunningTask(task("b-all", 8, 1024).queue("root.b").build(), "n0", 0));

    Plan p = plan(reclaim(0.1, 1.0), List.of(node("n0", 8, 64 * 1024)), running, twoQueues(50, 50),
        tasksOf("a", 1, 2));

    assertThat(p.preemptions()).as("root.b at 200% would fall to 0%").isEmpty();
  }

  @Test
  void reclaimTakesFromTheQueueFurthestAboveItsGuaranteeFirst() {
    QueueSpec queues = QueueSpec.parent("root", List.of(
        QueueSpec.leaf("a", PolicyName.FCFS).withGuarantee(new Share.Percent(50)),
        QueueSpec.leaf("b", PolicyName.FCFS).withGuarantee(new Share.Percent(10)),
        QueueSpec.leaf("c", PolicyName.FCFS).withGuarantee(new Share.Percent(40))));
    List<RunningTask> running = new ArrayList<>(fill("c", 10, 2, 0));
    running.addAll(fill("b", 10, 2, 10));

    Plan p = plan(reclaim(0.1, 1.0), nodes(10), running, queues, tasksOf("a", 1, 2));

    assertThat(victims(p)).singleElement().asString().startsWith("b");
  }

  @ParameterizedTest(name = "maxPerRound {0}: {1} of 4-cpu tasks preempted on a 40-cpu cluster")
  @CsvSource({"0.05, 1", "0.1, 1", "0.15, 2", "0.25, 3", "1.0, 5"})
  void guaranteeReclaimStopsForTheRoundOnceMaxPerRoundOfTheClusterHasBeenPreempted(double maxPerRound,
                                                                                   int preempted) {
    Plan p = plan(reclaim(0.1, maxPerRound), nodes(10), fill("b", 10, 4, 0), twoQueues(50, 50), tasksOf("a", 5, 4));

    assertThat(p.preemptions()).hasSize(preempted);
    assertThat(p.placements()).hasSize(preempted);
  }

  @Test
  void reclaimDoesNotTakeFromASubtreeThatIsItselfBelowItsGuarantee() {
    QueueSpec tree = QueueSpec.parent("root", List.of(
        QueueSpec.parent("p1", List.of(
            QueueSpec.leaf("a", PolicyName.FCFS).withGuarantee(new Share.Percent(50)),
            QueueSpec.leaf("b", PolicyName.FCFS).withGuarantee(new Share.Percent(50))))
            .withGuarantee(new Share.Percent(50)),
        QueueSpec.parent("p2", List.of(
            QueueSpec.leaf("c1", PolicyName.FCFS).withGuarantee(new Share.Percent(10)),
            QueueSpec.leaf("c2", PolicyName.FCFS).withGuarantee(new Share.Percent(90))))
            .withGuarantee(new Share.Percent(50))));
    List<RunningTask> running = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      boolean inP1 = i < 7;
      running.add(new RunningTask(task("r" + i, 4, 1024).queue(inP1 ? "root.p1.b" : "root.p2.c1")
          .preemptible(!inP1).build(), "n" + i, 0));
    }

    Plan p = plan(reclaim(0.1, 1.0), nodes(10), running, tree, task("a1", 4, 1024).queue("root.p1.a").build());

    assertThat(p.preemptions()).as("p1 holds 70% against a 50% guarantee, p2 30% against 50%").isEmpty();
  }

  @Test
  void aNonPreemptibleTaskIsNotReclaimedEither() {
    List<RunningTask> running = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      running.add(new RunningTask(task("b" + i, 2, 1024).queue("root.b").preemptible(false).build(), "n" + i / 2, 0));
    }

    Plan p = plan(reclaim(0.1, 1.0), nodes(2), running, twoQueues(50, 50), tasksOf("a", 1, 2));

    assertThat(p.preemptions()).isEmpty();
  }
}
