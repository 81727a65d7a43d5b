package dev.weft.scheduler.backfill;

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
        if (!covers(free, need)) {
          return false;
        }
        if (e.getKey() >= until) {
          return true;
        }
      }
      add(free, e.getValue());
    }
    return covers(free, need);
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

  private static boolean covers(long[] free, long[] need) {
    for (int d = 0; d < need.length; d++) {
      if (need[d] > free[d]) {
        return false;
      }
    }
    return true;
  }

  private static void add(long[] into, long[] v) {
    for (int d = 0; d < into.length; d++) {
      into[d] += v[d];
    }
  }
}
