package dev.weft.scheduler;

import static dev.weft.scheduler.Fixtures.cpuMem;
import static dev.weft.scheduler.Fixtures.noPreemption;
import static dev.weft.scheduler.Fixtures.pending;
import static dev.weft.scheduler.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.AffinityRule;
import dev.weft.model.LabelConstraint;
import dev.weft.model.LabelConstraint.Operator;
import dev.weft.model.Node;
import dev.weft.model.PolicyName;
import dev.weft.model.Profile;
import dev.weft.model.QueueSpec;
import dev.weft.model.Taint;
import dev.weft.model.TaskSpec;
import dev.weft.model.Toleration;
import dev.weft.model.TopologyLevel;
import dev.weft.model.TopologyPath;
import dev.weft.scheduler.api.ClusterView;
import dev.weft.scheduler.api.Placement;
import dev.weft.scheduler.api.Plan;
import dev.weft.scheduler.api.RunningTask;
import dev.weft.scheduler.api.SchedulerConfig;
import dev.weft.scheduler.api.ScorerWeights;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Where a task lands: filters (labels, taints, affinity), scorers, and the topology descent. */
class PlacementTest {
  static final QueueSpec QUEUES = QueueSpec.defaultTree(PolicyName.FCFS);

  static Node node(String id, String topology, Map<String, String> labels, Taint... taints) {
    return new Node(id, cpuMem(16, 32 * 1024), labels, List.of(taints), TopologyPath.parse(topology));
  }

  static Node node(String id, double cpus, String topology) {
    return new Node(id, cpuMem(cpus, 256 * 1024), Map.of(), List.of(), TopologyPath.parse(topology));
  }

  static Plan plan(List<Node> nodes, List<RunningTask> running, TaskSpec... tasks) {
    return plan(noPreemption(), nodes, running, tasks);
  }

  static Plan plan(SchedulerConfig config, List<Node> nodes, List<RunningTask> running, TaskSpec... tasks) {
    return new CorePlanner(config).plan(ClusterView.of(nodes, running, QUEUES), pending(tasks), 0);
  }

  static String whereIs(Plan plan, String task) {
    return plan.placements().stream().filter(p -> p.taskId().equals(task)).map(Placement::nodeId).findFirst()
        .orElse(null);
  }

  static RunningTask running(TaskSpec.Builder t, String node) {
    return new RunningTask(t.build(), node, 0);
  }

  // --- label constraints ------------------------------------------------------------------

  static final List<Node> DISKS = List.of(node("hdd", "eu/a/r1", Map.of("disk", "hdd")),
      node("ssd", "eu/a/r1", Map.of("disk", "ssd")), node("bare", "eu/a/r1", Map.of()));

  static Stream<Arguments> labelConstraints() {
    return Stream.of(
        Arguments.of("disk in [ssd] allows only the ssd node", new LabelConstraint("disk", Operator.IN, List.of("ssd")),
            List.of("ssd")),
        Arguments.of("disk in [ssd, hdd] allows both labelled nodes",
            new LabelConstraint("disk", Operator.IN, List.of("ssd", "hdd")), List.of("ssd", "hdd")),
        Arguments.of("disk not in [ssd] allows the hdd node and the node without the label",
            new LabelConstraint("disk", Operator.NOT_IN, List.of("ssd")), List.of("hdd", "bare")),
        Arguments.of("disk exists allows both labelled nodes", new LabelConstraint("disk", Operator.EXISTS, null),
            List.of("ssd", "hdd")),
        Arguments.of("disk does not exist allows only the bare node",
            new LabelConstraint("disk", Operator.NOT_EXISTS, null), List.of("bare")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("labelConstraints")
  void aLabelConstraintChoosesAmongTheNodesItAllows(String name, LabelConstraint c, List<String> allowed) {
    Plan p = plan(DISKS, List.of(), task("t", 1, 1024).constraints(List.of(c)).build());

    assertThat(whereIs(p, "t")).isIn(allowed);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("labelConstraints")
  void aLabelConstraintRefusesEveryOtherNodeAndSaysWhichConstraint(String name, LabelConstraint c,
                                                                   List<String> allowed) {
    List<Node> others = DISKS.stream().filter(n -> !allowed.contains(n.id())).toList();

    Plan p = plan(SchedulerConfig.defaults().withBackfill(SchedulerConfig.Backfill.NONE), others, List.of(),
        task("t", 1, 1024).constraints(List.of(c)).build());

    assertThat(p.placements()).isEmpty();
    assertThat(p.explain("t").orElseThrow().message())
        .isEqualTo("no node fits: " + others.size() + " label constraint '" + c + "' not met");
  }

  // --- taints and tolerations -------------------------------------------------------------

  static Stream<Arguments> tolerations() {
    return Stream.of(
        Arguments.of("no toleration keeps the task off", List.of(), false),
        Arguments.of("a toleration of the key with any value lets it on", List.of(new Toleration("gpu", null)), true),
        Arguments.of("a toleration of the key and value lets it on", List.of(new Toleration("gpu", "true")), true),
        Arguments.of("a toleration of another value keeps it off", List.of(new Toleration("gpu", "false")), false),
        Arguments.of("a toleration of another key keeps it off", List.of(new Toleration("spot", null)), false));
  }

  @ParameterizedTest(name = "on a node tainted gpu=true:NoSchedule, {0}")
  @MethodSource("tolerations")
  void aNoScheduleTaintAdmitsOnlyTasksThatTolerateIt(String name, List<Toleration> tolerations, boolean placed) {
    Node gpu = node("gpu", "eu/a/r1", Map.of(), new Taint("gpu", "true", Taint.Effect.NO_SCHEDULE));

    Plan p = plan(SchedulerConfig.defaults().withBackfill(SchedulerConfig.Backfill.NONE), List.of(gpu), List.of(),
        task("t", 1, 1024).tolerations(tolerations).build());

    if (placed) {
      assertThat(whereIs(p, "t")).isEqualTo("gpu");
    } else {
      assertThat(p.placements()).isEmpty();
      assertThat(p.explain("t").orElseThrow().message())
          .isEqualTo("no node fits: 1 taint gpu=true:NoSchedule not tolerated");
    }
  }

  @Test
  void aPreferNoScheduleTaintSteersATaskToAnUntaintedNodeButDoesNotForbidIt() {
    Node spot = node("a-spot", "eu/a/r1", Map.of(), new Taint("spot", "yes", Taint.Effect.PREFER_NO_SCHEDULE));
    Node plain = node("b-plain", "eu/a/r1", Map.of());

    assertThat(whereIs(plan(List.of(spot, plain), List.of(), task("t", 1, 1024).build()), "t"))
        .as("the untainted node wins").isEqualTo("b-plain");
    assertThat(whereIs(plan(List.of(spot), List.of(), task("t", 1, 1024).build()), "t"))
        .as("alone, the tainted node still takes the task").isEqualTo("a-spot");
    assertThat(whereIs(plan(List.of(spot, plain), List.of(),
        task("t", 1, 1024).tolerations(List.of(new Toleration("spot", "yes"))).build()), "t"))
        .as("a tolerating task sees both nodes alike and takes the first").isEqualTo("a-spot");
  }

  // --- inter-task affinity ----------------------------------------------------------------

  static AffinityRule rule(AffinityRule.Kind kind, String app, TopologyLevel level, boolean required) {
    return new AffinityRule(kind, Map.of("app", app), level, required);
  }

  @Test
  void requiredRackAffinityPullsATaskIntoTheRackOfTheTaskItFollows() {
    List<Node> nodes = List.of(node("r1-n1", 16, "eu/a/r1"), node("r2-n1", 16, "eu/a/r2"));
    List<RunningTask> running = List.of(running(task("busy", 8, 1024), "r1-n1"),
        running(task("db", 1, 1024).labels(Map.of("app", "db")), "r2-n1"));

    Plan p = plan(nodes, running, task("t", 1, 1024)
        .affinity(List.of(rule(AffinityRule.Kind.AFFINITY, "db", TopologyLevel.RACK, true))).build());

    assertThat(whereIs(p, "t")).as("bin-packing alone would pick the fuller r1-n1").isEqualTo("r2-n1");
  }

  @Test
  void requiredNodeAffinityNeedsTheSameNodeWhileRackAffinityTakesAnyNodeOfTheRack() {
    List<Node> nodes = List.of(node("n1", 16, "eu/a/r1"), node("n2", 16, "eu/a/r1"));
    List<RunningTask> running = List.of(running(task("busy", 8, 1024), "n1"),
        running(task("db", 1, 1024).labels(Map.of("app", "db")), "n2"));

    Plan sameNode = plan(nodes, running, task("t", 1, 1024)
        .affinity(List.of(rule(AffinityRule.Kind.AFFINITY, "db", TopologyLevel.NODE, true))).build());
    Plan sameRack = plan(nodes, running, task("t", 1, 1024)
        .affinity(List.of(rule(AffinityRule.Kind.AFFINITY, "db", TopologyLevel.RACK, true))).build());

    assertThat(whereIs(sameNode, "t")).isEqualTo("n2");
    assertThat(whereIs(sameRack, "t")).as("the fuller node of the rack, by bin-packing").isEqualTo("n1");
  }

  @Test
  void requiredAffinityWithNoMatchingTaskAnywhereLeavesTheTaskPendingAndSaysSo() {
    Plan p = plan(SchedulerConfig.defaults().withBackfill(SchedulerConfig.Backfill.NONE),
        List.of(node("n1", 16, "eu/a/r1")), List.of(), task("t", 1, 1024)
            .affinity(List.of(rule(AffinityRule.Kind.AFFINITY, "db", TopologyLevel.RACK, true))).build());

    assertThat(p.explain("t").orElseThrow().message())
        .isEqualTo("no node fits: 1 no task matching {app=db} in the same rack");
  }

  @Test
  void nodeAntiAffinitySpreadsReplicasOneToANodeAndLeavesTheExtraOneExplained() {
    List<Node> nodes = List.of(node("n1", 16, "eu/a/r1"), node("n2", 16, "eu/a/r1"), node("n3", 16, "eu/a/r1"));
    List<TaskSpec> replicas = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      replicas.add(task("web-" + i, 1, 1024).labels(Map.of("app", "web"))
          .affinity(List.of(rule(AffinityRule.Kind.ANTI_AFFINITY, "web", TopologyLevel.NODE, true))).build());
    }

    Plan p = plan(noPreemption().withBackfill(SchedulerConfig.Backfill.EASY), nodes, List.of(),
        replicas.toArray(TaskSpec[]::new));

    assertThat(p.placements()).extracting(Placement::nodeId).containsExactlyInAnyOrder("n1", "n2", "n3");
    assertThat(p.explain("web-4").orElseThrow().message())
        .endsWith(": 3 anti-affinity with a task matching {app=web} in the same node");
  }

  @Test
  void rackAntiAffinityPutsReplicasInDifferentRacks() {
    List<Node> nodes = List.of(node("r1-n1", 16, "eu/a/r1"), node("r1-n2", 16, "eu/a/r1"),
        node("r2-n1", 16, "eu/a/r2"), node("r2-n2", 16, "eu/a/r2"));
    TaskSpec.Builder replica = task("x", 1, 1024).labels(Map.of("app", "web"))
        .affinity(List.of(rule(AffinityRule.Kind.ANTI_AFFINITY, "web", TopologyLevel.RACK, true)));

    Plan p = plan(nodes, List.of(), Scenarios.withId(replica.build(), "web-1"), Scenarios.withId(replica.build(), "web-2"),
        Scenarios.withId(replica.build(), "web-3"));

    assertThat(p.placements()).extracting(x -> x.nodeId().substring(0, 2)).containsExactlyInAnyOrder("r1", "r2");
    assertThat(p.explain("web-3")).isPresent();
  }

  @Test
  void aRunningTasksAntiAffinityKeepsNewcomersItSelectsOffItsNode() {
    List<Node> nodes = List.of(node("n1", 16, "eu/a/r1"), node("n2", 16, "eu/a/r1"));
    List<RunningTask> running = List.of(running(task("loner", 8, 1024)
        .affinity(List.of(rule(AffinityRule.Kind.ANTI_AFFINITY, "batch", TopologyLevel.NODE, true))), "n1"));

    Plan p = plan(nodes, running, task("batch", 1, 1024).labels(Map.of("app", "batch")).build(),
        task("other", 1, 1024).labels(Map.of("app", "web")).build());

    assertThat(whereIs(p, "batch")).as("bin-packing alone would pick the fuller n1").isEqualTo("n2");
    assertThat(whereIs(p, "other")).as("a task the rule does not select may join").isEqualTo("n1");
  }

  @Test
  void preferredAntiAffinityOnlyScoresSoTheTaskStillLandsWhenEveryNodeHasAMatch() {
    List<Node> nodes = List.of(node("n1", 16, "eu/a/r1"), node("n2", 16, "eu/a/r1"));
    TaskSpec t = task("t", 1, 1024)
        .affinity(List.of(rule(AffinityRule.Kind.ANTI_AFFINITY, "web", TopologyLevel.NODE, false))).build();

    Plan avoid = plan(nodes, List.of(running(task("big-web", 8, 1024).labels(Map.of("app", "web")), "n1")), t);
    Plan anyway = plan(nodes, List.of(running(task("w1", 8, 1024).labels(Map.of("app", "web")), "n1"),
        running(task("w2", 1, 1024).labels(Map.of("app", "web")), "n2")), t);

    assertThat(whereIs(avoid, "t")).isEqualTo("n2");
    assertThat(whereIs(anyway, "t")).isNotNull();
  }

  // --- scorers ----------------------------------------------------------------------------

  @Test
  void binPackingFillsTheFullerNodeAndSpreadingTheEmptierOne() {
    List<Node> nodes = List.of(node("empty", 16, "eu/a/r1"), node("half", 16, "eu/a/r1"));
    List<RunningTask> running = List.of(running(task("r", 8, 1024), "half"));

    Plan packed = plan(noPreemption().withScoring(ScorerWeights.defaults()), nodes, running, task("t", 2, 1024).build());
    Plan spread = plan(noPreemption().withScoring(ScorerWeights.spreading()), nodes, running, task("t", 2, 1024).build());

    assertThat(whereIs(packed, "t")).isEqualTo("half");
    assertThat(whereIs(spread, "t")).isEqualTo("empty");
  }

  @Test
  void binPackingAndSpreadingAlsoChooseOppositeRacks() {
    List<Node> nodes = List.of(node("r1-n1", 16, "eu/a/r1"), node("r2-n1", 16, "eu/a/r2"));
    List<RunningTask> running = List.of(running(task("r", 8, 1024), "r2-n1"));

    Plan packed = plan(noPreemption().withScoring(ScorerWeights.defaults()), nodes, running, task("t", 2, 1024).build());
    Plan spread = plan(noPreemption().withScoring(ScorerWeights.spreading()), nodes, running, task("t", 2, 1024).build());

    assertThat(whereIs(packed, "t")).isEqualTo("r2-n1");
    assertThat(whereIs(spread, "t")).isEqualTo("r1-n1");
  }

  @Test
  void theInterferenceScorerPutsACpuBoundTaskNextToIoBoundOnesRatherThanCpuBoundOnes() {
    List<Node> nodes = List.of(node("cpu-heavy", 16, "eu/a/r1"), node("io-heavy", 16, "eu/a/r1"));
    List<RunningTask> running = List.of(
        running(task("c1", 2, 1024).profile(Profile.CPU), "cpu-heavy"),
        running(task("c2", 2, 1024).profile(Profile.CPU), "cpu-heavy"),
        running(task("i1", 2, 1024).profile(Profile.IO), "io-heavy"),
        running(task("i2", 2, 1024).profile(Profile.IO), "io-heavy"));

    assertThat(whereIs(plan(nodes, running, task("t", 1, 1024).profile(Profile.CPU).build()), "t"))
        .isEqualTo("io-heavy");
    assertThat(whereIs(plan(nodes, running, task("t", 1, 1024).profile(Profile.IO).build()), "t"))
        .isEqualTo("cpu-heavy");
  }

  // --- topology -----------------------------------------------------------------------------

  @Test
  void aTaskNeeding48CpusLandsOnTheOnly64CpuNodeWhateverRackItIsIn() {
    List<Node> nodes = List.of(
        node("a1", 32, "eu/z1/r1"), node("a2", 32, "eu/z1/r1"),
        node("b1", 16, "eu/z1/r2"), node("b2", 16, "eu/z1/r2"),
        node("c1", 8, "eu/z2/r3"), node("c2", 64, "eu/z2/r3"),
        node("d1", 32, "us/z3/r4"));

    for (ScorerWeights w : List.of(ScorerWeights.defaults(), ScorerWeights.spreading())) {
      Plan p = plan(noPreemption().withScoring(w), nodes, List.of(), task("big", 48, 1024).build());
      assertThat(whereIs(p, "big")).as("with %s", w).isEqualTo("c2");
    }
  }
}
