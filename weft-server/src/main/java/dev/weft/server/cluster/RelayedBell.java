package dev.weft.server.cluster;

import java.time.Duration;

/**
 * A bell that wakes every thread waiting on it in this server and, once {@link #relayTo} is set,
 * in the other servers on the same database ({@link ClusterBells}). A wait ends at the next ring
 * after it began, or after its time: a ring before the wait is not remembered.
 */
public class RelayedBell {
  private long rings;
  private boolean closed;
  private volatile Runnable relay = () -> { };

  /**
   * Also passes every {@link #ring} to {@code relay} (the other servers); rings heard from them
   * come in through {@link #ringHere}. Set once, at start.
   */
  public void relayTo(Runnable relay) {
    this.relay = relay;
  }

  /** Wakes the waiting threads here and in the other servers. */
  public void ring() {
    ringHere();
    relay.run();
  }

  /** Wakes the waiting threads in this server only (a ring heard from another server). */
  public synchronized void ringHere() {
    rings++;
    notifyAll();
  }

  /** Waits until the next ring or until {@code max} has passed (real time; this paces waiting only). */
  public synchronized void await(Duration max) throws InterruptedException {
    awaitAfter(rings, max);
  }

  /**
   * Ends every wait on this bell now and any later one at once: the server is stopping, so its long
   * polls answer with what they have instead of holding the stop up.
   */
  public synchronized void close() {
    closed = true;
    notifyAll();
  }

  /** Whether {@link #close} was called. */
  public synchronized boolean closed() {
    return closed;
  }

  /** How many times this bell has rung here: a wait after this count ends at once if it rang since. */
  public synchronized long rings() {
    return rings;
  }

  /**
   * Waits until the bell has rung more than {@code seen} times (at once if it already has) or until
   * {@code max} has passed, or the bell is closed: a caller that read {@link #rings} before it made itself known to a ringer
   * misses no ring in between.
   */
  public synchronized void awaitAfter(long seen, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    long left = max.toNanos();
    while (rings == seen && left > 0 && !closed) {
      wait(Math.max(1, left / 1_000_000));
      left = deadline - System.nanoTime();
    }
  }
}
