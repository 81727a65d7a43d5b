package dev.weft.scheduler;

import dev.weft.model.Node;
import dev.weft.model.Resources;
import dev.weft.model.TaskSpec;
import dev.weft.scheduler.api.ClusterView;
import dev.weft.scheduler.api.Explanation;
import dev.weft.scheduler.api.PendingTask;
import dev.weft.scheduler.api.Placement;
import dev.weft.scheduler.api.Preemption;
import dev.weft.scheduler.api.RunningTask;
import dev.weft.scheduler.api.SchedulerConfig;
import dev.weft.scheduler.api.Waiting;
import dev.weft.scheduler.backfill.ReservationBook;
import dev.weft.scheduler.backfill.RuntimeEstimates;
import dev.weft.scheduler.placement.AffinityIndex;
import dev.weft.scheduler.placement.NodeState;
import dev.weft.scheduler.placement.PlacementPlugins;
import dev.weft.scheduler.placement.Placer;
import dev.weft.scheduler.placement.TopologyTree;
import dev.weft.scheduler.preemption.PreemptionRules;
import dev.weft.scheduler.preemption.VictimSearch;
import dev.weft.scheduler.queue.QueueNode;
import dev.weft.scheduler.queue.QueueTree;
import dev.weft.scheduler.resources.ResourceSpace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The working state of one planning round: the topology tree with what running tasks hold, the
 * queue tree with their usage, the reservation book, and the plan being written. Every change
 * (place, evict) updates all of them together.
 */
final class Round {
  final SchedulerConfig config;
  final long now;
  final ResourceSpace space;
  final TopologyTree tree;
  final QueueTree queues;
  final ReservationBook book;
  final RuntimeEstimates estimates;
  final Placer placer;
  final PlacementPlugins plugins;
  final PreemptionRules preemption;
  final AffinityIndex affinity = new AffinityIndex();
  final Map<String, RunningTask> running = new HashMap<>();
  final Map<String, long[]> needs = new HashMap<>();
  final Map<String, Integer> nodeIndex = new HashMap<>();
  final List<Placement> placements = new ArrayList<>();
  final List<Preemption> preemptions = new ArrayList<>();
  final Map<String, Explanation> explanations = new LinkedHashMap<>();
  final List<Waiting> waiting = new ArrayList<>();

  Round(SchedulerConfig config, ClusterView view, List<PendingTask> pending, long now) {
    this.config = config;
    this.now = now;
    this.space = spaceOf(view, pending);
    this.tree = new TopologyTree(view.nodes(), space);
    this.queues = new QueueTree(view.queues(), total(view.nodes()), space);
    List<long[]> free = new ArrayList<>();
    for (NodeState n : tree.nodes()) {
      free.add(n.free());
      nodeIndex.put(n.id(), n.index());
    }
    this.book = new ReservationBook(free);
    this.estimates = new RuntimeEstimates(config.effectivePrediction(), view.recentRuntimes());
    this.plugins = new PlacementPlugins(space, config.scoring(), affinity, book);
    this.placer = new Placer(tree, plugins);
    this.preemption = new PreemptionRules(config.preemption(), estimates, queues,
        new VictimSearch(tree.nodes(), plugins, running, needs), needs, now);
    view.running().forEach(this::admitRunning);
  }

  private static ResourceSpace spaceOf(ClusterView view, List<PendingTask> pending) {
    List<Resources> seen = new ArrayList<>();
    view.nodes().forEach(n -> seen.add(n.capacity()));
    view.running().forEach(r -> seen.add(r.spec().resources()));
    pending.forEach(p -> seen.add(p.spec().resources()));
    return ResourceSpace.of(seen);
  }

  private static Resources total(List<Node> nodes) {
    Resources t = Resources.ZERO;
    for (Node n : nodes) {
      t = t.plus(n.capacity());
    }
    return t;
  }

  long[] need(TaskSpec t) {
    return needs.computeIfAbsent(t.id(), k -> space.vector(t.resources()));
  }

  private void admitRunning(RunningTask r) {
    Integer i = nodeIndex.get(r.nodeId());
    if (i == null) {
      return;
    }
    long[] need = need(r.spec());
    running.put(r.spec().id(), r);
    tree.hold(i, r.spec(), need);
    book.holding(i, r.spec().id(), need, estimates.expectedEnd(r, now));
    QueueNode leaf = queues.leaf(r.spec().queue());
    if (leaf != null) {
      queues.charge(leaf, r.spec().user(), need, 1);
    }
    affinity.add(r.spec(), tree.nodes().get(i));
  }

  void place(TaskSpec t, QueueNode leaf, int node, long remaining, boolean backfilled) {
    long[] need = need(t);
    tree.hold(node, t, need);
    long end = remaining == RuntimeEstimates.UNKNOWN ? Long.MAX_VALUE : now + remaining;
    book.holding(node, t.id(), need, end);
    queues.charge(leaf, t.user(), need, 1);
    affinity.add(t, tree.nodes().get(node));
    placements.add(new Placement(t.id(), tree.nodes().get(node).id(), backfilled));
    explanations.remove(t.id());
  }

  /** Removes a placement made earlier in this round (a gang that could not be completed). */
  void unplace(TaskSpec t, QueueNode leaf, int node) {
    long[] need = need(t);
    tree.release(node, t, need);
    book.released(node, t.id());
    queues.charge(leaf, t.user(), need, -1);
    affinity.remove(t, tree.nodes().get(node));
    placements.removeIf(p -> p.taskId().equals(t.id()));
  }

  void evict(RunningTask v, String forTask, String reason) {
    int i = nodeIndex.get(v.nodeId());
    long[] need = need(v.spec());
    tree.release(i, v.spec(), need);
    book.released(i, v.spec().id());
    QueueNode leaf = queues.leaf(v.spec().queue());
    if (leaf != null) {
      queues.charge(leaf, v.spec().user(), need, -1);
    }
    affinity.remove(v.spec(), tree.nodes().get(i));
    running.remove(v.spec().id());
    preemptions.add(new Preemption(v.spec().id(), v.nodeId(), config.preemption().mode(), forTask, reason));
  }

  void explain(String taskId, String summary, Map<String, Integer> nodes) {
    explanations.put(taskId, new Explanation(taskId, summary, nodes));
  }
}
