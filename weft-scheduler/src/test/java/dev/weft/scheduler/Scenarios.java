package dev.weft.scheduler;

import dev.weft.model.AffinityRule;
import dev.weft.model.LabelConstraint;
import dev.weft.model.Node;
import dev.weft.model.PolicyName;
import dev.weft.model.Profile;
import dev.weft.model.QueueSpec;
import dev.weft.model.Resources;
import dev.weft.model.Share;
import dev.weft.model.Taint;
import dev.weft.model.TaskSpec;
import dev.weft.model.Toleration;
import dev.weft.model.TopologyLevel;
import dev.weft.model.TopologyPath;
import dev.weft.scheduler.api.PendingTask;
import dev.weft.scheduler.api.PreemptionConfig;
import dev.weft.scheduler.api.PreemptionMode;
import dev.weft.scheduler.api.RunningTask;
import dev.weft.scheduler.api.SchedulerConfig;
import dev.weft.scheduler.api.SchedulerConfig.Backfill;
import dev.weft.scheduler.api.ScorerWeights;
import dev.weft.scheduler.api.TaskGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;

/**
 * Random planning rounds: 1-30 nodes over two regions, three zones and three racks per zone, with
 * cpu, memory and gpus, labels and taints; a queue tree of one or two levels whose guarantees sum
 * to at most 100% at every level, with some maxima, per-user limits and every leaf policy; running
 * tasks that fit their nodes; pending tasks of all sizes with constraints, tolerations, affinity
 * and gangs; and every kind of backfilling, preemption and scoring. Each part is decoded from a
 * list of numbers ({@link Genes}), so jqwik can shrink a failure to a small, plain scenario.
 */
final class Scenarios {
  static final long NOW = 10 * 3_600_000L;
  private static final long GIB = 1024;

  private Scenarios() {}

  static Arbitrary<Scenario> any() {
    return Combinators.combine(
        genes(8).list().ofMinSize(1).ofMaxSize(30).withSizeDistribution(RandomDistribution.uniform()),
        genes(64),
        genes(12).list().ofMaxSize(80).withSizeDistribution(RandomDistribution.uniform()),
        genes(24).list().ofMaxSize(30).withSizeDistribution(RandomDistribution.uniform()),
        genes(16),
        genes(2).list().ofMaxSize(12),
        genes(16)).as(Scenarios::decode);
  }

  static Arbitrary<List<Integer>> genes(int n) {
    return Arbitraries.integers().between(0, Genes.BOUND - 1).withoutEdgeCases().list().ofSize(n);
  }

  private static Scenario decode(List<List<Integer>> nodeGenes, List<Integer> queueGenes,
                                 List<List<Integer>> runningGenes, List<List<Integer>> pendingGenes,
                                 List<Integer> configGenes, List<List<Integer>> edgeGenes, List<Integer> historyGenes) {
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < nodeGenes.size(); i++) {
      nodes.add(node(String.format("n%02d", i), new Genes(nodeGenes.get(i))));
    }
    List<String> leaves = new ArrayList<>();
    QueueSpec queues = queueTree(new Genes(queueGenes), leaves);
    List<RunningTask> running = running(nodes, leaves, runningGenes);
    List<PendingTask> pending = new ArrayList<>();
    for (int i = 0; i < pendingGenes.size(); i++) {
      pending.addAll(pendingGroup(i, new Genes(pendingGenes.get(i)), leaves));
    }
    return new Scenario(nodes, queues, running, pending, history(new Genes(historyGenes)),
        graph(pending, edgeGenes), config(new Genes(configGenes)), NOW);
  }

  private static Node node(String id, Genes g) {
    long cpus = g.pick(16, 4, 8, 32, 64);
    long mem = g.pick(32, 8, 16, 64, 128, 256) * GIB;
    long gpus = g.pick(0, 0, 0, 0, 1, 2, 4);
    TopologyPath where = new TopologyPath(g.chance(20) ? "us" : "eu", "z" + g.below(3), "r" + g.below(3));
    Map<String, String> labels = new HashMap<>();
    String disk = g.pick(null, "ssd", "hdd");
    if (disk != null) {
      labels.put("disk", disk);
    }
    labels.put("arch", g.pick("amd64", "arm64"));
    List<Taint> taints = switch (g.below(8)) {
      case 4 -> List.of(new Taint("gpu", "true", Taint.Effect.NO_SCHEDULE));
      case 5 -> List.of(new Taint("spot", "yes", Taint.Effect.PREFER_NO_SCHEDULE));
      case 6 -> List.of(new Taint("maint", "", Taint.Effect.NO_SCHEDULE));
      case 7 -> List.of(new Taint("spot", "yes", Taint.Effect.NO_SCHEDULE),
          new Taint("gpu", "true", Taint.Effect.PREFER_NO_SCHEDULE));
      default -> List.of();
    };
    return new Node(id, new Resources(cpus * 1000, mem, 0, gpus, Map.of()), labels, taints, where);
  }

  /** root -> 1-3 children, each a leaf or a parent of 1-3 leaves; guarantees sum to at most 100%. */
  private static QueueSpec queueTree(Genes g, List<String> leaves) {
    int n = g.between(1, 3);
    int[] guarantees = guarantees(g, n);
    List<QueueSpec> children = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = "q" + i;
      if (g.chance(50)) {
        int m = g.between(1, 3);
        int[] inner = guarantees(g, m);
        List<QueueSpec> grandChildren = new ArrayList<>();
        for (int j = 0; j < m; j++) {
          grandChildren.add(queue(g, "l" + j, inner[j], List.of()));
          leaves.add("root." + name + ".l" + j);
        }
        children.add(queue(g, name, guarantees[i], grandChildren));
      } else {
        children.add(queue(g, name, guarantees[i], List.of()));
        leaves.add("root." + name);
      }
    }
    return QueueSpec.parent("root", children);
  }

  private static int[] guarantees(Genes g, int n) {
    int[] p = new int[n];
    int sum = 0;
    for (int i = 0; i < n; i++) {
      p[i] = g.pick(0, 10, 20, 30, 40, 50, 60);
      sum += p[i];
    }
    if (sum > 100) {
      for (int i = 0; i < n; i++) {
        p[i] = p[i] * 100 / sum;
      }
    }
    return p;
  }

  private static QueueSpec queue(Genes g, String name, int guaranteePct, List<QueueSpec> children) {
    Share max = g.chance(30) ? new Share.Percent(Math.max(guaranteePct, g.pick(20, 40, 50, 70, 100))) : Share.ALL;
    double weight = g.pick(1.0, 1.0, 2.0, 3.0);
    PolicyName policy = g.pick(PolicyName.values());
    Share perUser = g.chance(20) ? new Share.Percent(g.pick(30, 50, 80)) : Share.ALL;
    double aging = g.pick(1.0, 0.0, 5.0);
    return new QueueSpec(name, new Share.Percent(guaranteePct), max, weight, policy, children, perUser, aging);
  }

  /** Running tasks in their genes' order; a task that would not fit what is left of its node is dropped. */
  private static List<RunningTask> running(List<Node> nodes, List<String> leaves, List<List<Integer>> genes) {
    Map<String, Resources> free = new HashMap<>();
    nodes.forEach(n -> free.put(n.id(), n.capacity()));
    List<RunningTask> out = new ArrayList<>();
    for (int i = 0; i < genes.size(); i++) {
      Genes g = new Genes(genes.get(i));
      Node n = nodes.get(g.below(nodes.size()));
      Resources cap = n.capacity();
      int pct = g.pick(25, 10, 50, 5, 75);
      Resources need = new Resources(cap.cpuMillis() * pct / 100, cap.memoryMiB() * g.pick(25, 10, 50, 75) / 100,
          0, cap.gpus() > 0 && g.chance(30) ? 1 : 0, Map.of());
      if (!need.fitsIn(free.get(n.id()))) {
        continue;
      }
      free.put(n.id(), free.get(n.id()).minus(need));
      String app = g.pick(null, "web", "db", "cache");
      TaskSpec spec = TaskSpec.builder(String.format("r%02d", i)).resources(need).queue(g.pick(leaves))
          .user("u" + g.below(4)).priority(g.pick(50, 10, 30, 40, 60, 90)).preemptible(!g.chance(15))
          .labels(app == null ? Map.of() : Map.of("app", app)).profile(g.pick(Profile.values()))
          .estimateMillis(g.chance(70) ? g.between(60, 7200) * 1000L : 0).submitMillis(0)
          .affinity(app != null && g.chance(20) ? List.of(rule(AffinityRule.Kind.ANTI_AFFINITY, app,
              g.pick(TopologyLevel.NODE, TopologyLevel.RACK), true)) : List.of()).build();
      long start = NOW - g.below(7200) * 1000L;
      out.add(new RunningTask(spec, n.id(), start, g.chance(10) ? g.below(600) * 1000L : 0));
    }
    return out;
  }

  /** One pending task, or the members of one gang (same shape, queue and user). */
  private static List<PendingTask> pendingGroup(int i, Genes g, List<String> leaves) {
    boolean gang = g.chance(12);
    int members = gang ? g.between(2, 4) : 1;
    int gangSize = gang && g.chance(20) ? members + 1 : members;
    double cpus = g.pick(1.0, 0.5, 2.0, 4.0, 8.0, 0.25, 16.0, 48.0);
    long mem = g.pick(1024L, 256L, 4096L, 16384L, 65536L);
    long gpus = g.chance(10) ? g.pick(1, 2) : 0;
    String queue = g.chance(5) ? g.pick("root.nope", "root") : g.pick(leaves);
    long estimate = g.chance(70) ? g.between(30, 7200) * 1000L : 0;
    long done = estimate > 0 && g.chance(10) ? estimate / 2 : 0;
    String app = g.pick(null, "web", "db", "cache");
    TaskSpec.Builder b = TaskSpec.builder("t").resources(new Resources(Math.round(cpus * 1000), mem, 0, gpus, Map.of()))
        .queue(queue).user("u" + g.below(4)).priority(g.pick(50, 10, 30, 40, 60, 70, 90))
        .submitMillis(NOW - g.below(3 * 3600) * 1000L).estimateMillis(estimate)
        .deadlineMillis(g.chance(30) ? NOW + g.below(7200) * 1000L : 0)
        .constraints(constraints(g)).tolerations(tolerations(g)).affinity(affinity(g, app))
        .labels(app == null ? Map.of() : Map.of("app", app)).profile(g.pick(Profile.values()))
        .preemptible(!g.chance(15));
    if (gang) {
      b.gang("g" + i, gangSize);
    }
    TaskSpec proto = b.build();
    List<PendingTask> out = new ArrayList<>();
    for (int m = 0; m < members; m++) {
      String id = String.format("t%02d", i) + (gang ? "-" + m : "");
      out.add(new PendingTask(withId(proto, id), done, done > 0 ? 1 : 0));
    }
    return out;
  }

  static TaskSpec withId(TaskSpec t, String id) {
    return new TaskSpec(id, null, t.resources(), t.profile(), t.priority(), t.queue(), t.user(), t.submitMillis(),
        t.estimateMillis(), t.deadlineMillis(), t.constraints(), t.tolerations(), t.affinity(), t.labels(), t.gang(),
        t.gangSize(), t.preemptible(), t.dependsOn());
  }

  private static List<LabelConstraint> constraints(Genes g) {
    return switch (g.below(9)) {
      case 5 -> List.of(LabelConstraint.equalTo("disk", "ssd"));
      case 6 -> List.of(new LabelConstraint("arch", LabelConstraint.Operator.NOT_IN, List.of("arm64")));
      case 7 -> List.of(new LabelConstraint("disk", LabelConstraint.Operator.EXISTS, null));
      case 8 -> List.of(new LabelConstraint("disk", LabelConstraint.Operator.NOT_EXISTS, null),
          LabelConstraint.equalTo("arch", "arm64"));
      default -> List.of();
    };
  }

  private static List<Toleration> tolerations(Genes g) {
    return switch (g.below(7)) {
      case 3 -> List.of(new Toleration("gpu", null));
      case 4 -> List.of(new Toleration("maint", null));
      case 5 -> List.of(new Toleration("spot", "yes"));
      case 6 -> List.of(new Toleration("gpu", "true"), new Toleration("maint", ""), new Toleration("spot", null));
      default -> List.of();
    };
  }

  private static List<AffinityRule> affinity(Genes g, String app) {
    String self = app == null ? "web" : app;
    return switch (g.below(10)) {
      case 4 -> List.of(rule(AffinityRule.Kind.ANTI_AFFINITY, self, TopologyLevel.NODE, true));
      case 5 -> List.of(rule(AffinityRule.Kind.ANTI_AFFINITY, self, TopologyLevel.RACK, true));
      case 6 -> List.of(rule(AffinityRule.Kind.AFFINITY, "db", TopologyLevel.RACK, true));
      case 7 -> List.of(rule(AffinityRule.Kind.ANTI_AFFINITY, "web", TopologyLevel.NODE, false));
      case 8 -> List.of(rule(AffinityRule.Kind.AFFINITY, "cache", TopologyLevel.ZONE, false));
      case 9 -> List.of(rule(AffinityRule.Kind.ANTI_AFFINITY, "db", TopologyLevel.ZONE, true));
      default -> List.of();
    };
  }

  private static AffinityRule rule(AffinityRule.Kind kind, String app, TopologyLevel level, boolean required) {
    return new AffinityRule(kind, Map.of("app", app), level, required);
  }

  private static SchedulerConfig config(Genes g) {
    Backfill backfill = g.pick(Backfill.EASY, Backfill.NONE, Backfill.CONSERVATIVE, Backfill.EASY_PLUS_PLUS);
    boolean shortestFirst = g.chance(30);
    PreemptionConfig preemption = switch (g.below(3)) {
      case 0 -> PreemptionConfig.none();
      case 1 -> PreemptionConfig.defaults();
      default -> new PreemptionConfig(g.chance(70), g.pick(10, 0, 5, 20), g.chance(50), g.chance(70),
          g.pick(0.1, 0.0, 0.2), g.pick(0.1, 0.05, 0.5, 1.0), g.pick(PreemptionMode.values()));
    };
    ScorerWeights scoring = g.pick(ScorerWeights.defaults(), ScorerWeights.spreading(), new ScorerWeights(0, 0, 0, 0),
        new ScorerWeights(1, 0, 0, 0), new ScorerWeights(0, 1, 1, 2));
    return new SchedulerConfig(backfill, shortestFirst, preemption, scoring);
  }

  private static Map<String, List<Long>> history(Genes g) {
    Map<String, List<Long>> h = new HashMap<>();
    for (int u = 0; u < 4; u++) {
      List<Long> runs = new ArrayList<>();
      for (int k = g.below(4); k > 0; k--) {
        runs.add(g.between(10, 3600) * 1000L);
      }
      if (!runs.isEmpty()) {
        h.put("u" + u, runs);
      }
    }
    return h;
  }

  /** Edges from earlier to later pending tasks (so the graph is acyclic), with the tasks' estimates. */
  private static TaskGraph graph(List<PendingTask> pending, List<List<Integer>> edges) {
    if (pending.size() < 2 || edges.isEmpty()) {
      return TaskGraph.EMPTY;
    }
    Map<String, List<String>> successors = new HashMap<>();
    Map<String, Long> estimates = new HashMap<>();
    for (List<Integer> e : edges) {
      int a = e.get(0) % pending.size();
      int b = e.get(1) % pending.size();
      if (a == b) {
        continue;
      }
      String from = pending.get(Math.min(a, b)).id();
      String to = pending.get(Math.max(a, b)).id();
      List<String> next = successors.computeIfAbsent(from, k -> new ArrayList<>());
      if (!next.contains(to)) {
        next.add(to);
      }
    }
    for (PendingTask p : pending) {
      if (p.spec().estimateMillis() > 0) {
        estimates.put(p.id(), p.spec().estimateMillis());
      }
    }
    successors.replaceAll((k, v) -> List.copyOf(v));
    return new TaskGraph(successors, estimates);
  }
}
