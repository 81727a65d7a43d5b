package dev.weft.scheduler;

import dev.weft.model.Node;
import dev.weft.model.PolicyName;
import dev.weft.model.QueueSpec;
import dev.weft.model.Resources;
import dev.weft.model.Share;
import dev.weft.model.TaskSpec;
import dev.weft.scheduler.api.PendingTask;
import dev.weft.scheduler.api.PreemptionConfig;
import dev.weft.scheduler.api.RunningTask;
import dev.weft.scheduler.api.SchedulerConfig;
import dev.weft.scheduler.api.SchedulerConfig.Backfill;
import dev.weft.scheduler.api.ScorerWeights;
import dev.weft.scheduler.api.TaskGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;

/**
 * Rounds where sibling leaf {@code root.a} is below its guarantee and {@code root.b} at or above
 * its own, both with pending work. Every task (running or pending) has the same shape and the
 * nodes are identical multiples of it, so the number of free slots is exact: whatever the policies
 * and backfilling, the planner can fill all of them, and which leaf gets them is down to the queue
 * layer alone. Preemption is off.
 */
final class StarvedQueueCases {
  static final String A = "root.a";
  static final String B = "root.b";

  /**
   * @param freeSlots how many more tasks fit the cluster
   * @param owedToA how many more tasks {@code root.a} needs to reach its guarantee (at least 1)
   */
  record Case(Scenario scenario, int freeSlots, int owedToA, int pendingA, int pendingB) {
    @Override
    public String toString() {
      return "free=" + freeSlots + " owedToA=" + owedToA + " pendingA=" + pendingA + " pendingB=" + pendingB
          + scenario;
    }
  }

  private StarvedQueueCases() {}

  static Arbitrary<Case> any() {
    return Scenarios.genes(64).map(g -> decode(new Genes(g)));
  }

  private static Case decode(Genes g) {
    int nodeCount = g.between(1, 6);
    long cpus = g.pick(16, 8, 32);
    long memGiB = g.pick(32, 16, 64);
    long taskCpus = g.pick(2, 1, 4);
    long taskGiB = g.pick(2, 1, 4);
    Resources shape = Resources.of(taskCpus * 1000, taskGiB * 1024);
    int slotsPerNode = (int) Math.min(cpus / taskCpus, memGiB / taskGiB);
    int slots = nodeCount * slotsPerNode;
    Resources total = Resources.of(cpus * 1000 * nodeCount, memGiB * 1024 * nodeCount);
    int ga = g.pick(30, 10, 20, 40, 50, 60);
    int gb = Math.min(100 - ga, g.pick(50, 10, 20, 30, 40, 60, 70, 80));
    int bToGuarantee = toReach(gb, total, shape, 0);
    int aToGuarantee = toReach(ga, total, shape, 0);
    int runningB = Math.min(slots, bToGuarantee + g.below(3));
    int runningA = Math.min(g.below(aToGuarantee), slots - runningB);

    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < nodeCount; i++) {
      nodes.add(Node.of("n" + i, Resources.of(cpus * 1000, memGiB * 1024)));
    }
    List<RunningTask> running = new ArrayList<>();
    for (int i = 0; i < runningB + runningA; i++) {
      String queue = i < runningB ? B : A;
      TaskSpec t = task("r" + i, shape, queue, g);
      running.add(new RunningTask(t, "n" + (i / slotsPerNode), Scenarios.NOW - g.below(3600) * 1000L));
    }
    int pendingA = g.between(1, 10);
    int pendingB = g.between(1, 10);
    List<PendingTask> pending = new ArrayList<>();
    for (int a = 0, b = 0; a < pendingA || b < pendingB; ) {
      boolean nextA = b == pendingB || (a < pendingA && g.chance(50));
      String id = nextA ? "a" + a++ : "b" + b++;
      pending.add(PendingTask.of(task(id, shape, nextA ? A : B, g)));
    }
    QueueSpec tree = QueueSpec.parent("root", List.of(leaf(g, "a", ga), leaf(g, "b", gb),
        leaf(g, "idle", 0)));
    SchedulerConfig config = new SchedulerConfig(
        g.pick(Backfill.EASY, Backfill.NONE, Backfill.CONSERVATIVE, Backfill.EASY_PLUS_PLUS), g.chance(30),
        PreemptionConfig.none(), g.pick(ScorerWeights.defaults(), ScorerWeights.spreading()));
    Scenario s = new Scenario(nodes, tree, running, pending, Map.of(), TaskGraph.EMPTY, config, Scenarios.NOW);
    return new Case(s, slots - runningA - runningB, aToGuarantee - runningA, pendingA, pendingB);
  }

  /** How many tasks of {@code shape} a queue holding {@code holding} of them needs to reach {@code pct}% of {@code total}. */
  static int toReach(int pct, Resources total, Resources shape, int holding) {
    Resources guarantee = new Share.Percent(pct).resolve(total);
    int n = holding;
    while (ratio(shape.times(n), guarantee) < 1) {
      n++;
    }
    return n - holding;
  }

  /** As {@code QueueTree.guaranteeRatio}: the largest used/guarantee over the dimensions with a guarantee. */
  private static double ratio(Resources used, Resources guarantee) {
    double r = 0;
    if (guarantee.cpuMillis() > 0) {
      r = Math.max(r, (double) used.cpuMillis() / guarantee.cpuMillis());
    }
    if (guarantee.memoryMiB() > 0) {
      r = Math.max(r, (double) used.memoryMiB() / guarantee.memoryMiB());
    }
    return r;
  }

  private static QueueSpec leaf(Genes g, String name, int guaranteePct) {
    return QueueSpec.leaf(name, g.pick(PolicyName.values())).withGuarantee(new Share.Percent(guaranteePct))
        .withWeight(g.pick(1.0, 2.0, 3.0));
  }

  private static TaskSpec task(String id, Resources shape, String queue, Genes g) {
    return TaskSpec.builder(id).resources(shape).queue(queue).user("u" + g.below(3))
        .priority(g.pick(50, 10, 90)).submitMillis(Scenarios.NOW - g.below(3600) * 1000L)
        .estimateMillis(g.chance(60) ? g.between(60, 3600) * 1000L : 0)
        .deadlineMillis(g.chance(30) ? Scenarios.NOW + g.below(3600) * 1000L : 0).build();
  }
}
