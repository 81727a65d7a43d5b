package dev.weft.server.scheduling;

import java.time.Duration;

/**
 * Wakes this server's scheduler when there may be work to place: a job submitted, a task ended (its
 * resources freed), a node joined, or the previous round placed tasks (so rounds run back to back
 * while placements continue). Unlike {@link WorkBell}, a ring is remembered until the scheduler
 * next waits, so a ring during a round starts the next round at once instead of being missed.
 * Rings from many callers while a round runs collapse into one further round.
 */
public final class RoundBell {
  /** A bell nobody listens to (callers built without a scheduler, tests). */
  public static final RoundBell NONE = new RoundBell();
  private boolean rung;

  public synchronized void ring() {
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
