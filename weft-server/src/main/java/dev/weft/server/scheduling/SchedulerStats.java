package dev.weft.server.scheduling;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What this server's scheduler thread has done since it started, for {@code /metrics}: rounds it
 * led and their time, placements, preemptions, plans refused by a concurrent change, nodes marked
 * down and the tasks they held. Written by the scheduler thread after each round, read at scrapes.
 */
public final class SchedulerStats {
  private final AtomicLong roundsLed = new AtomicLong();
  private final AtomicLong roundNanos = new AtomicLong();
  private final AtomicLong placed = new AtomicLong();
  private final AtomicLong preempted = new AtomicLong();
  private final AtomicLong conflicts = new AtomicLong();
  private final AtomicLong nodesDown = new AtomicLong();
  private final AtomicLong requeued = new AtomicLong();
  private final AtomicLong failedLost = new AtomicLong();
  private volatile boolean leader;

  /** Counts one round that took {@code nanos}. */
  public void record(RoundResult round, long nanos) {
    leader = round.leader();
    if (!round.leader()) {
      return;
    }
    roundsLed.incrementAndGet();
    roundNanos.addAndGet(nanos);
    placed.addAndGet(round.applied().placed().size());
    preempted.addAndGet(round.applied().preempted().size());
    conflicts.addAndGet(round.conflicts());
    if (round.swept() != null) {
      nodesDown.addAndGet(round.swept().nodesDown().size());
      requeued.addAndGet(round.swept().requeued().size());
      failedLost.addAndGet(round.swept().failed().size());
    }
  }

  /** Whether this server held the scheduler lease in its last round. */
  public boolean leader() {
    return leader;
  }

  public long roundsLed() {
    return roundsLed.get();
  }

  /** The time of the rounds led, in seconds. */
  public double roundSeconds() {
    return roundNanos.get() / 1e9;
  }

  public long placed() {
    return placed.get();
  }

  public long preempted() {
    return preempted.get();
  }

  public long conflicts() {
    return conflicts.get();
  }

  public long nodesDown() {
    return nodesDown.get();
  }

  /** Tasks of nodes marked down that were queued again. */
  public long requeued() {
    return requeued.get();
  }

  /** Tasks of nodes marked down that failed (no requeue left). */
  public long failedLost() {
    return failedLost.get();
  }
}
