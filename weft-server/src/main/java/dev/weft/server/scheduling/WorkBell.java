package dev.weft.server.scheduling;

import java.time.Duration;

/**
 * Wakes every long-poll waiting in this server when the scheduler placed tasks, so an agent hears
 * of new work at once instead of at the end of its wait. A poll still re-reads the store on its
 * own every {@code max} (work placed by another server rings no bell here).
 */
public final class WorkBell {
  private long rings;

  public synchronized void ring() {
    rings++;
    notifyAll();
  }

  /** Waits until the next ring or until {@code max} has passed (real time; this paces polling only). */
  public synchronized void await(Duration max) throws InterruptedException {
    long seen = rings;
    long deadline = System.nanoTime() + max.toNanos();
    long left = max.toNanos();
    while (rings == seen && left > 0) {
      wait(Math.max(1, left / 1_000_000));
      left = deadline - System.nanoTime();
    }
  }
}
