package dev.weft.bench.tasks;

import java.util.Arrays;

/**
 * Submit-to-start latency of tasks submitted at a steady rate: each task's start time minus its
 * submit time, both from its stored record. {@code seconds} is how long the submitting took: when
 * it is well over the planned time, the submitter could not hold the rate ({@link #paceHeld} false)
 * and the figures are those of the lower rate it did achieve.
 */
record Latency(int ratePerSecond, int plannedSeconds, double seconds, int tasks, long p50Millis, long p99Millis,
               long maxMillis, String failure) {
  /** Nearest-rank percentiles of {@code millis} (not empty). */
  static Latency of(int rate, int plannedSeconds, double seconds, long[] millis) {
    long[] sorted = millis.clone();
    Arrays.sort(sorted);
    return new Latency(rate, plannedSeconds, seconds, sorted.length, rank(sorted, 50), rank(sorted, 99),
        sorted[sorted.length - 1], null);
  }

  static Latency failed(int rate, int plannedSeconds, String why) {
    return new Latency(rate, plannedSeconds, 0, 0, -1, -1, -1, why);
  }

  /** Whether submitting kept within 5% (plus one tick) of the planned time. */
  boolean paceHeld() {
    return seconds <= plannedSeconds * 1.05 + WeftTasks.TICK.toMillis() / 1000.0;
  }

  double achievedPerSecond() {
    return seconds == 0 ? 0 : tasks / seconds;
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
