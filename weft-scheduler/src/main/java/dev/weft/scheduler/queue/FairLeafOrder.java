package dev.weft.scheduler.queue;

import dev.weft.scheduler.resources.Vectors;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code fair} policy: users share the leaf by dominant resource fairness. Each offer goes to
 * the user with the smallest dominant share of the cluster in this leaf (ties: the user whose
 * oldest task arrived first); each user's own tasks go first come, first served.
 */
final class FairLeafOrder implements LeafOrder {
  private final Map<String, Deque<Queued>> byUser = new TreeMap<>();
  private final QueueNode leaf;
  private final long[] total;
  private Queued offered;

  FairLeafOrder(List<Queued> tasks, QueueNode leaf, long[] total) {
    this.leaf = leaf;
    this.total = total;
    List<Queued> sorted = new ArrayList<>(tasks);
    sorted.sort(LeafOrders.FCFS.thenComparingInt(Queued::arrival));
    for (Queued q : sorted) {
      byUser.computeIfAbsent(q.task().spec().user(), u -> new ArrayDeque<>()).add(q);
    }
  }

  @Override
  public Queued peek() {
    Queued best = null;
    double bestShare = Double.POSITIVE_INFINITY;
    for (Map.Entry<String, Deque<Queued>> e : byUser.entrySet()) {
      Queued head = e.getValue().peekFirst();
      if (head == null) {
        continue;
      }
      double share = Vectors.dominantShare(leaf.usedBy(e.getKey()), total);
      if (best == null || share < bestShare || (share == bestShare && head.arrival() < best.arrival())) {
        best = head;
        bestShare = share;
      }
    }
    offered = best;
    return best;
  }

  @Override
  public void pop() {
    Queued q = offered != null ? offered : peek();
    byUser.get(q.task().spec().user()).pollFirst();
    offered = null;
  }

  @Override
  public void shortestFirst() {
    for (Deque<Queued> d : byUser.values()) {
      List<Queued> l = new ArrayList<>(d);
      l.sort(LeafOrders.SHORTEST.thenComparingInt(Queued::arrival));
      d.clear();
      d.addAll(l);
    }
  }

  @Override
  public List<Queued> remaining() {
    List<Queued> out = new ArrayList<>();
    byUser.values().forEach(out::addAll);
    out.sort(java.util.Comparator.comparingInt(Queued::arrival));
    return out;
  }
}
