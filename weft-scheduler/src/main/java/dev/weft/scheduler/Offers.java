package dev.weft.scheduler;

import dev.weft.model.TaskSpec;
import dev.weft.scheduler.api.Reservation;
import dev.weft.scheduler.api.RunningTask;
import dev.weft.scheduler.api.SchedulerConfig.Backfill;
import dev.weft.scheduler.api.Waiting;
import dev.weft.scheduler.placement.NodeState;
import dev.weft.scheduler.placement.PlacementRequest;
import dev.weft.scheduler.preemption.VictimChoice;
import dev.weft.scheduler.queue.QueueNode;
import dev.weft.scheduler.queue.Queued;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What happens to the task a leaf offers: checked against the queue's limits, placed if a node
 * fits, else (as the head of its queue) allowed to preempt, else blocked (no backfilling) or
 * given a reservation that later tasks must not delay. Gangs go through {@link GangOffer}.
 */
final class Offers {
  private final Round round;
  private final Set<QueueNode> backfilling = new HashSet<>();
  private final Map<QueueNode, List<String>> delayed = new HashMap<>();
  private final Set<String> handled = new HashSet<>();
  private final GangOffer gangs;

  Offers(Round round) {
    this.round = round;
    this.gangs = new GangOffer(round, handled);
  }

  void offer(QueueNode leaf, Queued q) {
    leaf.tasks().pop();
    TaskSpec t = q.task().spec();
    if (!handled.add(t.id())) {
      return;
    }
    long[] need = round.need(t);
    String over = round.queues.overMax(leaf, need);
    if (over != null) {
      round.explain(t.id(), "queue " + over + " is at its maximum share", Map.of());
      if (round.config.backfill() == Backfill.NONE) {
        leaf.block("queue " + over + " is at its maximum share");
      }
      return;
    }
    if (round.queues.overUserLimit(leaf, t.user(), need)) {
      round.explain(t.id(), "user " + t.user() + " is at the per-user limit of queue " + leaf.path(), Map.of());
      return;
    }
    if (t.gang() != null) {
      gangs.offer(leaf, q, isBackfilling(leaf));
      return;
    }
    PlacementRequest r = new PlacementRequest(t, need, round.now, q.remainingMillis());
    int node = round.placer.place(r);
    if (node >= 0) {
      round.place(t, leaf, node, q.remainingMillis(), isBackfilling(leaf));
    } else if (!isBackfilling(leaf) && preempt(leaf, q, r)) {
      return;
    } else {
      blocked(leaf, q, r);
    }
  }

  private boolean isBackfilling(QueueNode leaf) {
    return backfilling.contains(leaf);
  }

  private boolean preempt(QueueNode leaf, Queued q, PlacementRequest r) {
    VictimChoice c = round.preemption.choose(r, leaf, q.remainingMillis());
    if (c == null) {
      return false;
    }
    for (RunningTask v : c.victims()) {
      round.evict(v, q.id(), c.reason());
    }
    round.place(q.task().spec(), leaf, c.node(), q.remainingMillis(), false);
    return true;
  }

  private void blocked(QueueNode leaf, Queued q, PlacementRequest r) {
    Backfill mode = round.config.backfill();
    boolean head = !isBackfilling(leaf);
    if (mode == Backfill.NONE) {
      round.explain(q.id(), "no node fits", round.placer.explain(r));
      leaf.block("waiting behind " + q.id() + " at the head of queue " + leaf.path());
      return;
    }
    if (head || mode == Backfill.CONSERVATIVE) {
      reserve(q, r, head);
    } else {
      delayed.computeIfAbsent(leaf, k -> new ArrayList<>()).add(q.id());
    }
    if (head) {
      backfilling.add(leaf);
      if (mode == Backfill.EASY_PLUS_PLUS || round.config.backfillShortestFirst()) {
        leaf.tasks().shortestFirst();
      }
    }
  }

  /** Promises the task the earliest start any node can give it without delaying earlier promises. */
  private void reserve(Queued q, PlacementRequest r, boolean head) {
    int bestNode = -1;
    long bestStart = Long.MAX_VALUE;
    for (NodeState n : round.tree.nodes()) {
      if (round.plugins.rejectIgnoringCapacity(r, n) != null) {
        continue;
      }
      long start = round.book.earliestStart(n.index(), r.need(), round.now, q.remainingMillis());
      if (start >= 0 && start < bestStart) {
        bestStart = start;
        bestNode = n.index();
      }
    }
    Map<String, Integer> why = head ? round.placer.explain(r) : Map.of();
    if (bestNode < 0) {
      round.explain(q.id(), "no node fits, and none is expected to free enough (unknown run times)", why);
      return;
    }
    NodeState n = round.tree.nodes().get(bestNode);
    round.book.reserve(new Reservation(q.id(), n.id(), bestStart), bestNode, r.need(), q.remainingMillis());
    round.explain(q.id(), "reserved " + n.id() + " from t=" + bestStart / 1000.0 + " s; no node fits now", why);
  }

  /**
   * Backfill candidates that did not fit, and every task still waiting in a leaf, are explained in
   * groups (one reason per leaf) rather than one by one.
   */
  void explainLeftovers() {
    String delayReason = round.book.isEmpty() ? "no node fits now" : "cannot start now without delaying a reserved task";
    delayed.forEach((leaf, ids) -> round.waiting.add(new Waiting(delayReason, ids)));
    for (QueueNode leaf : round.queues.all()) {
      if (!leaf.isLeaf() || leaf.tasks() == null || leaf.tasks().remaining().isEmpty()) {
        continue;
      }
      String why = leaf.blockedBecause() != null ? leaf.blockedBecause() : "not reached in this round";
      List<Queued> rest = leaf.tasks().remaining();
      round.waiting.add(new Waiting(why, new java.util.AbstractList<>() {
        @Override
        public String get(int i) {
          return rest.get(i).id();
        }

        @Override
        public int size() {
          return rest.size();
        }
      }));
    }
  }
}
