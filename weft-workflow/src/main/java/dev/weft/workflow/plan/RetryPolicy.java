package dev.weft.workflow.plan;

/**
 * A compiled {@code retry}: delay of the n-th retry (n from 1) is {@code delay} (constant),
 * {@code delay * n} (linear) or {@code delay * 2^(n-1)} (exponential), plus a jitter in
 * [{@code jitterFromMillis}, {@code jitterToMillis}) seeded from the instance id and attempt.
 *
 * @param maxAttempts {@code limit.attempt.count}: attempts in all, the first included; 0 for no limit
 * @param limitMillis {@code limit.duration}: a retry is made only if it would start within this time of the first
 *     attempt's start; 0 for no limit
 * @param attemptLimitMillis {@code limit.attempt.duration}: an attempt that took longer than this before it failed is
 *     not retried; 0 for no limit
 */
public record RetryPolicy(String when, String exceptWhen, long delayMillis, Backoff backoff, long jitterFromMillis,
    long jitterToMillis, int maxAttempts, long limitMillis, long attemptLimitMillis) {
  public enum Backoff { CONSTANT, LINEAR, EXPONENTIAL }
}
