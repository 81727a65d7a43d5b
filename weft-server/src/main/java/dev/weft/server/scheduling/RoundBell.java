package dev.weft.server.scheduling;

import java.time.Duration;

/**
 * Wakes this server's scheduler when there may be work to place: a job submitted, a task ended (its
 * resources freed), a node joined, or the previous round placed tasks (so rounds run back to back
 * while placements continue). Unlike {@link WorkBell}, a ring is remembered until the scheduler
 * next waits, so a ring during a round starts the next round at once instead of being missed.
 * Rings from many callers while a round runs collapse into one further round. A submission also
 * leaves the specs of its tasks with the bell ({@link #submitted}), so the scheduler need not read
 * them back.
 */
public final class RoundBell {
  /** A bell nobody listens to (callers built without a scheduler, tests); it keeps no specs. */
  public static final RoundBell NONE = new RoundBell(new SubmittedSpecs(0));
  private final SubmittedSpecs submitted;
  private boolean rung;
  private volatile Runnable relay = () -> { };

  public RoundBell() {
    this(new SubmittedSpecs());
  }

  private RoundBell(SubmittedSpecs submitted) {
    this.submitted = submitted;
  }

  /** The specs of tasks just submitted through this server, for its scheduler. */
  public SubmittedSpecs submitted() {
    return submitted;
  }

  /**
   * Also passes every {@link #ring} to {@code relay} (the other servers on the same database, see
   * {@code ClusterBells}); rings heard from them come in through {@link #ringHere}. Set once, at start.
   */
  public void relayTo(Runnable relay) {
    if (this == NONE) {
      throw new IllegalStateException("the bell nobody listens to relays nothing");
    }
    this.relay = relay;
  }

  /** Rings this server's bell and the other servers' (there may be work to place). */
  public void ring() {
    ringHere();
    relay.run();
  }

  /** Rings this server's bell only: the scheduler's own pacing, or a ring heard from another server. */
  public synchronized void ringHere() {
    rung = true;
    notifyAll();
  }

  /**
   * Waits until a ring (one already rung since the last wait counts) or until {@code max} has
   * passed, and clears the ring. Real time: this paces rounds only; the round's time comes from its
   * clock.
   */
  public synchronized void await(Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    long left = max.toNanos();
    while (!rung && left > 0) {
      wait(Math.max(1, left / 1_000_000));
      left = deadline - System.nanoTime();
    }
    rung = false;
  }
}
