package dev.weft.agent.protocol;

import java.time.Duration;

/**
 * How long to wait before trying the server again: {@code first}, then doubling up to {@code max};
 * back to {@code first} after a success. Pure: the caller sleeps.
 */
public final class Backoff {
  private final Duration first;
  private final Duration max;
  private Duration next;

  public Backoff(Duration first, Duration max) {
    if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException("backoff: first must be positive and max at least first");
    }
    this.first = first;
    this.max = max;
    this.next = first;
  }

  /**
   * An agent's backoff while its server cannot be reached: 250 ms doubling to 5 s, but never longer
   * than the heartbeat interval {@code every}. So once the server answers again the agent is heard
   * within one interval, well inside the whole node timeout (three intervals) that a server which
   * has just become the scheduler, or whose database was away, waits before it marks nodes down.
   */
  public static Backoff reconnecting(Duration every) {
    Duration first = Duration.ofMillis(250);
    Duration max = Duration.ofSeconds(5);
    Duration cap = every.compareTo(max) < 0 ? every : max;
    return cap.compareTo(first) < 0 ? new Backoff(cap, cap) : new Backoff(first, cap);
  }

  /** The wait before the next try; each call doubles the one after, up to the maximum. */
  public Duration next() {
    Duration now = next;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(max) > 0 ? max : doubled;
    return now;
  }

  public void reset() {
    next = first;
  }
}
