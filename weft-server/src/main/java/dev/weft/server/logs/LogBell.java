package dev.weft.server.logs;

import java.time.Duration;

/**
 * Wakes the log readers waiting in this server when an agent shipped output here. A reader still
 * re-reads the store on its own every few hundred milliseconds, in case a ring from another server
 * was missed (rings travel between servers on one PostgreSQL through {@code ClusterBells}).
 */
public final class LogBell {
  private long rings;
  private volatile Runnable relay = () -> { };

  /**
   * Also passes every {@link #ring} to {@code relay} (the other servers on the same database, see
   * {@code ClusterBells}); rings heard from them come in through {@link #ringHere}. Set once, at start.
   */
  public void relayTo(Runnable relay) {
    this.relay = relay;
  }

  /** Wakes the readers waiting here and in the other servers. */
  public void ring() {
    ringHere();
    relay.run();
  }

  /** Wakes the readers waiting in this server only (a ring heard from another server). */
  public synchronized void ringHere() {
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
