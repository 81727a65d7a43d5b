package dev.weft.scheduler.backfill;

import dev.weft.scheduler.resources.Vectors;
import java.util.Map;
import java.util.TreeMap;

/**
 * The expected free capacity of one node over time: free now, plus what running tasks give back
 * when they are expected to end, minus what reservations take while they last. A step function
 * kept as cumulative changes by time.
 */
final class NodeTimeline {
  private final long[] freeNow;
  private final TreeMap<Long, long[]> changes = new TreeMap<>();

  NodeTimeline(long[] freeNow) {
    this.freeNow = freeNow;
  }

  void change(long at, long[] delta, int sign) {
    if (at == Long.MAX_VALUE) {
      return;
    }
    long[] c = changes.computeIfAbsent(at, k -> new long[delta.length]);
    for (int d = 0; d < delta.length; d++) {
      c[d] += sign * delta[d];
    }
  }

  /** True when {@code need} is free at every instant of [from, until). */
  boolean fits(long[] need, long from, long until) {
    long[] free = freeNow.clone();
    for (Map.Entry<Long, long[]> e : changes.entrySet()) {
      if (e.getKey() > from) {
        if (!Vectors.fits(need, free)) {
          return false;
        }
        if (e.getKey() >= until) {
          return true;
        }
      }
      Vectors.add(free, e.getValue());
    }
    return Vectors.fits(need, free);
  }

  /** The earliest instant at or after {@code from} where {@code need} fits for {@code duration}, or -1. */
  long earliestStart(long[] need, long from, long duration) {
    if (fits(need, from, end(from, duration))) {
      return from;
    }
    for (long t : changes.keySet()) {
      if (t > from && fits(need, t, end(t, duration))) {
        return t;
      }
    }
    return -1;
  }

  static long end(long start, long duration) {
    return duration >= Long.MAX_VALUE - start ? Long.MAX_VALUE : start + duration;
  }
}
