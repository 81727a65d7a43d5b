package dev.weft.scheduler;

import dev.weft.scheduler.api.ClusterView;
import dev.weft.scheduler.api.PendingTask;
import dev.weft.scheduler.api.Plan;
import dev.weft.scheduler.api.Planner;
import dev.weft.scheduler.api.SchedulerConfig;
import dev.weft.scheduler.queue.LeafOrders;
import dev.weft.scheduler.queue.QueueNode;
import dev.weft.scheduler.queue.Queued;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Weft's planner: the queue layer chooses what to offer next, the resource layer where it runs,
 * and preemption and backfilling act where the two meet. Pure: the same arguments give the same
 * plan. Pending tasks are expected in arrival order; ties in every policy keep that order.
 */
public final class CorePlanner implements Planner {
  private final SchedulerConfig config;

  public CorePlanner(SchedulerConfig config) {
    this.config = config;
  }

  @Override
  public Plan plan(ClusterView view, List<PendingTask> pending, long nowMillis) {
    Round round = new Round(config, view, pending, nowMillis);
    enqueue(round, view, pending);
    Offers offers = new Offers(round);
    for (QueueNode leaf = round.queues.next(); leaf != null; leaf = round.queues.next()) {
      offers.offer(leaf, leaf.tasks().peek());
    }
    offers.explainLeftovers();
    return new Plan(round.placements, round.preemptions, round.book.reservations(), round.explanations,
        round.waiting);
  }

  private static void enqueue(Round round, ClusterView view, List<PendingTask> pending) {
    Map<String, Double> ranks = DagRanks.of(round, view, pending);
    Map<QueueNode, List<Queued>> byLeaf = new HashMap<>();
    for (int i = 0; i < pending.size(); i++) {
      PendingTask p = pending.get(i);
      QueueNode leaf = round.queues.leaf(p.spec().queue());
      if (leaf == null) {
        round.explain(p.id(), "unknown queue '" + p.spec().queue() + "' (no such leaf in the queue tree)", Map.of());
        continue;
      }
      long remaining = round.estimates.remaining(p);
      double rank = ranks.getOrDefault(p.id(), remaining == Long.MAX_VALUE ? 0.0 : (double) remaining);
      byLeaf.computeIfAbsent(leaf, k -> new ArrayList<>()).add(new Queued(p, i, remaining, rank));
    }
    for (QueueNode leaf : round.queues.all()) {
      if (leaf.isLeaf()) {
        List<Queued> tasks = byLeaf.getOrDefault(leaf, List.of());
        leaf.setTasks(LeafOrders.of(leaf, tasks, round.now, round.queues.total()));
      }
    }
  }
}
