package dev.weft.scheduler;

import dev.weft.model.Node;
import dev.weft.model.QueueSpec;
import dev.weft.model.Resources;
import dev.weft.model.TaskSpec;
import dev.weft.model.TopologyPath;
import dev.weft.scheduler.api.ClusterView;
import dev.weft.scheduler.api.PendingTask;
import dev.weft.scheduler.api.Plan;
import dev.weft.scheduler.api.RunningTask;
import dev.weft.scheduler.api.SchedulerConfig;
import dev.weft.scheduler.api.TaskGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One planning round's input, as the property tests generate it. */
record Scenario(List<Node> nodes, QueueSpec queues, List<RunningTask> running, List<PendingTask> pending,
                Map<String, List<Long>> history, TaskGraph graph, SchedulerConfig config, long now) {

  ClusterView view() {
    return new ClusterView(nodes, running, queues, history, graph);
  }

  Plan plan() {
    return new CorePlanner(config).plan(view(), pending, now);
  }

  /** The same scenario built from fresh objects: equal, but sharing no instance with this one. */
  Scenario freshCopy() {
    List<Node> n = new ArrayList<>();
    for (Node x : nodes) {
      TopologyPath t = x.topology();
      n.add(new Node(x.id(), copy(x.capacity()), new HashMap<>(x.labels()), new ArrayList<>(x.taints()),
          new TopologyPath(t.region(), t.zone(), t.rack())));
    }
    List<RunningTask> r = new ArrayList<>();
    for (RunningTask x : running) {
      r.add(new RunningTask(copy(x.spec()), x.nodeId(), x.startMillis(), x.doneMillis()));
    }
    List<PendingTask> p = new ArrayList<>();
    for (PendingTask x : pending) {
      p.add(new PendingTask(copy(x.spec()), x.doneMillis(), x.attempt()));
    }
    Map<String, List<Long>> h = new HashMap<>();
    history.forEach((k, v) -> h.put(k, new ArrayList<>(v)));
    return new Scenario(n, copy(queues), r, p, h,
        new TaskGraph(new HashMap<>(graph.successors()), new HashMap<>(graph.estimates())), config, now);
  }

  /** The same scenario with its nodes and running tasks listed in another order. */
  Scenario reordered(List<Node> nodeOrder, List<RunningTask> runningOrder) {
    return new Scenario(nodeOrder, queues, runningOrder, pending, history, graph, config, now);
  }

  private static Resources copy(Resources r) {
    return new Resources(r.cpuMillis(), r.memoryMiB(), r.diskMiB(), r.gpus(), new HashMap<>(r.extended()));
  }

  private static TaskSpec copy(TaskSpec t) {
    return t.toBuilder().resources(copy(t.resources())).constraints(new ArrayList<>(t.constraints()))
        .tolerations(new ArrayList<>(t.tolerations())).affinity(new ArrayList<>(t.affinity()))
        .labels(new HashMap<>(t.labels())).dependsOn(new ArrayList<>(t.dependsOn())).build();
  }

  private static QueueSpec copy(QueueSpec q) {
    return new QueueSpec(q.name(), q.guarantee(), q.max(), q.weight(), q.policy(),
        q.children().stream().map(Scenario::copy).toList(), q.perUserLimit(), q.agingPerMinute());
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("\n").append(config).append(" now=").append(now).append('\n');
    s.append("queues: ").append(describe(queues)).append('\n');
    nodes.forEach(n -> s.append("  node ").append(n.id()).append(' ').append(n.topology()).append(' ')
        .append(n.capacity()).append(' ').append(n.labels()).append(' ').append(n.taints()).append('\n'));
    running.forEach(r -> s.append("  running on ").append(r.nodeId()).append(" since ").append(r.startMillis())
        .append(": ").append(describe(r.spec())).append('\n'));
    pending.forEach(p -> s.append("  pending: ").append(describe(p.spec())).append(" done=").append(p.doneMillis())
        .append('\n'));
    if (!history.isEmpty()) {
      s.append("  history: ").append(history).append('\n');
    }
    if (!graph.successors().isEmpty()) {
      s.append("  graph: ").append(graph.successors()).append('\n');
    }
    return s.toString();
  }

  static String describe(TaskSpec t) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("res", t.resources());
    f.put("q", t.queue());
    f.put("u", t.user());
    f.put("prio", t.priority());
    f.put("submit", t.submitMillis());
    f.put("est", t.estimateMillis());
    if (t.deadlineMillis() > 0) f.put("deadline", t.deadlineMillis());
    if (!t.constraints().isEmpty()) f.put("constraints", t.constraints());
    if (!t.tolerations().isEmpty()) f.put("tolerates", t.tolerations());
    if (!t.affinity().isEmpty()) f.put("affinity", t.affinity());
    if (!t.labels().isEmpty()) f.put("labels", t.labels());
    if (t.gang() != null) f.put("gang", t.gang() + "/" + t.gangSize());
    if (!t.preemptible()) f.put("preemptible", false);
    f.put("profile", t.profile());
    return t.id() + " " + f.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(" "));
  }

  private static String describe(QueueSpec q) {
    String self = q.name() + "(g=" + q.guarantee() + " max=" + q.max() + " w=" + q.weight()
        + (q.isLeaf() ? " " + q.policy() + " user<=" + q.perUserLimit() + " aging=" + q.agingPerMinute() : "") + ")";
    return q.isLeaf() ? self
        : self + "[" + q.children().stream().map(Scenario::describe).collect(Collectors.joining(", ")) + "]";
  }
}
