package dev.weft.server.logs;

import java.time.Duration;

/**
 * Wakes the log readers waiting in this server when an agent shipped output here. A reader still
 * re-reads the store on its own every few hundred milliseconds (output shipped to another server
 * rings no bell here).
 */
public final class LogBell {
  private long rings;

  public synchronized void ring() {
    rings++;
    notifyAll();
  }

  /** Waits until the next ring or until {@code max} has passed (real time; this paces reading only). */
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
