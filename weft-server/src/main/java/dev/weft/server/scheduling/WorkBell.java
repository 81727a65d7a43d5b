package dev.weft.server.scheduling;

import java.time.Duration;

/**
 * Wakes every long-poll waiting in this server when the scheduler placed tasks, so an agent hears
 * of new work at once instead of at the end of its wait. A poll still re-reads the store on its
 * own every {@code max}, in case a ring from another server was missed (rings travel between
 * servers on one PostgreSQL through {@code ClusterBells}).
 */
public final class WorkBell {
  private long rings;
  private volatile Runnable relay = () -> { };

  /**
   * Also passes every {@link #ring} to {@code relay} (the other servers on the same database, see
   * {@code ClusterBells}); rings heard from them come in through {@link #ringHere}. Set once, at start.
   */
  public void relayTo(Runnable relay) {
    this.relay = relay;
  }

  /** Wakes the polls waiting here and in the other servers. */
  public void ring() {
    ringHere();
    relay.run();
  }

  /** Wakes the polls waiting in this server only (a ring heard from another server). */
  public synchronized void ringHere() {
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
