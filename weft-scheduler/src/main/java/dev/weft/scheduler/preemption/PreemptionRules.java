package dev.weft.scheduler.preemption;

import dev.weft.model.PolicyName;
import dev.weft.scheduler.api.PreemptionConfig;
import dev.weft.scheduler.api.RunningTask;
import dev.weft.scheduler.backfill.RuntimeEstimates;
import dev.weft.scheduler.placement.PlacementRequest;
import dev.weft.scheduler.queue.QueueNode;
import dev.weft.scheduler.queue.QueueTree;
import dev.weft.scheduler.resources.Vectors;
import java.util.Comparator;
import java.util.Map;

/**
 * Decides whether a task that does not fit may preempt, trying priority, then SRTF, then the
 * guarantee of its queue. Guarantee reclaim stops for the round once {@code maxPerRound} of the
 * cluster (dominant share) has been preempted for guarantees.
 */
public final class PreemptionRules {
  private final PreemptionConfig config;
  private final RuntimeEstimates estimates;
  private final QueueTree queues;
  private final VictimSearch search;
  private final Map<String, long[]> needs;
  private final long now;
  private final long[] reclaimed;

  public PreemptionRules(PreemptionConfig config, RuntimeEstimates estimates, QueueTree queues, VictimSearch search,
                         Map<String, long[]> needs, long now) {
    this.config = config;
    this.estimates = estimates;
    this.queues = queues;
    this.search = search;
    this.needs = needs;
    this.now = now;
    this.reclaimed = new long[queues.total().length];
  }

  /** Victims that let {@code r} (queued in {@code leaf}, {@code remaining} ms left) start now, or null. */
  public VictimChoice choose(PlacementRequest r, QueueNode leaf, long remaining) {
    VictimChoice c = null;
    if (config.byPriority()) {
      c = byPriority(r, leaf);
    }
    if (c == null && config.bySrtf() && leaf.spec().policy() == PolicyName.SRTF) {
      c = bySrtf(r, leaf, remaining);
    }
    if (c == null && config.reclaimGuarantee()) {
      c = forGuarantee(r, leaf);
    }
    return c;
  }

  /**
   * Victims are lower by the gap and either in the preemptor's own queue or in a queue that is
   * borrowing beyond its guarantee: priority never pushes another queue below its guarantee, or
   * that queue would reclaim it back and the two rules would preempt each other in turn.
   */
  private VictimChoice byPriority(PlacementRequest r, QueueNode leaf) {
    int limit = r.task().priority() - config.priorityGap();
    return search.find(r, v -> v.spec().preemptible() && v.spec().priority() <= limit
            && (v.spec().queue().equals(leaf.path()) || borrowing(v, leaf)),
        Comparator.comparingInt((RunningTask v) -> v.spec().priority()),
        "priority " + r.task().priority() + " preempts priority <= " + limit);
  }

  private VictimChoice bySrtf(PlacementRequest r, QueueNode leaf, long remaining) {
    if (remaining == RuntimeEstimates.UNKNOWN) {
      return null;
    }
    return search.find(r, v -> v.spec().preemptible() && v.spec().queue().equals(leaf.path())
            && remaining < estimates.remaining(v, now) && estimates.remaining(v, now) != RuntimeEstimates.UNKNOWN,
        Comparator.comparingLong((RunningTask v) -> -estimates.remaining(v, now)),
        "shorter remaining time (" + remaining / 1000.0 + " s)");
  }

  private VictimChoice forGuarantee(PlacementRequest r, QueueNode leaf) {
    if (QueueTree.guaranteeRatio(leaf) >= 1 - config.deadZone()
        || Vectors.dominantShare(reclaimed, queues.total()) >= config.maxPerRound()) {
      return null;
    }
    VictimChoice c = search.find(r, v -> v.spec().preemptible() && borrowing(v, leaf),
        Comparator.comparingDouble((RunningTask v) -> -QueueTree.guaranteeRatio(queues.leaf(v.spec().queue())))
            .thenComparingInt(v -> v.spec().priority()),
        "queue " + leaf.path() + " reclaims its guarantee");
    if (c != null) {
      c.victims().forEach(v -> Vectors.add(reclaimed, needs.get(v.spec().id())));
    }
    return c;
  }

  /**
   * A victim may be taken when it is in another queue than the starved one, and its queue and
   * every ancestor of it that is not also an ancestor of the starved queue is beyond its
   * guarantee (plus the dead zone) and stays at or above it without the victim. Queues without a
   * guarantee are always borrowing.
   */
  private boolean borrowing(RunningTask v, QueueNode starved) {
    QueueNode leaf = queues.leaf(v.spec().queue());
    if (leaf == null || leaf.contains(starved)) {
      return false;
    }
    long[] need = needs.get(v.spec().id());
    for (QueueNode q = leaf; q != null && !q.contains(starved); q = q.parent()) {
      if (Vectors.isZero(q.guarantee())) {
        continue;
      }
      long[] after = q.used().clone();
      Vectors.subtract(after, need);
      if (Vectors.dominantShare(q.used(), q.guarantee()) <= 1 + config.deadZone()
          || Vectors.dominantShare(after, q.guarantee()) < 1) {
        return false;
      }
    }
    return true;
  }
}
