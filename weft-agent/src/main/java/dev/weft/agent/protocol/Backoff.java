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
