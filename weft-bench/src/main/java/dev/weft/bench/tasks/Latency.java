package dev.weft.bench.tasks;

import java.util.Arrays;

/**
 * Submit-to-start latency of tasks submitted at a steady rate: each task's start time minus its
 * submit time, both from its stored record.
 */
record Latency(int ratePerSecond, double seconds, int tasks, long p50Millis, long p99Millis, long maxMillis,
               String failure) {
  /** Nearest-rank percentiles of {@code millis} (not empty). */
  static Latency of(int rate, double seconds, long[] millis) {
    long[] sorted = millis.clone();
    Arrays.sort(sorted);
    return new Latency(rate, seconds, sorted.length, rank(sorted, 50), rank(sorted, 99), sorted[sorted.length - 1], null);
  }

  static Latency failed(int rate, double seconds, String why) {
    return new Latency(rate, seconds, 0, -1, -1, -1, why);
  }

  /** The smallest value with at least {@code p} percent of the values at or below it. */
  static long rank(long[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)];
  }

  boolean measured() {
    return failure == null;
  }
}
