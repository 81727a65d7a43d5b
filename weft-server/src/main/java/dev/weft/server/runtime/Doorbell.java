package dev.weft.server.runtime;

import java.time.Duration;

/**
 * Wakes a polling loop early: the loop waits at most its idle time, and a ring (new work in
 * this process, or shutdown) ends the wait at once. A ring while nobody waits is kept for the
 * next wait.
 */
final class Doorbell {
  private boolean rung;

  synchronized void ring() {
    rung = true;
    notifyAll();
  }

  /** Waits until rung or until {@code max} has passed (real time; this paces polling only). */
  synchronized void await(Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    long left = max.toNanos();
    while (!rung && left > 0) {
      wait(Math.max(1, left / 1_000_000));
      left = deadline - System.nanoTime();
    }
    rung = false;
  }
}
