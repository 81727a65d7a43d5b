package dev.weft.workflow.decide;

import dev.weft.workflow.plan.RetryPolicy;

/**
 * Retry delays: the backoff of the policy plus a jitter seeded from the instance id and the attempt,
 * never from a clock. {@link #fraction} is also the draw of a service contract's retry jitter.
 */
public final class Jitter {
  private Jitter() {}

  /** Delay before retry number {@code attempt} (1 for the first retry). */
  static long delay(RetryPolicy p, int attempt, String seed) {
    long base = switch (p.backoff()) {
      case CONSTANT -> p.delayMillis();
      case LINEAR -> p.delayMillis() * attempt;
      case EXPONENTIAL -> p.delayMillis() * (1L << Math.min(attempt - 1, 30));
    };
    long span = p.jitterToMillis() - p.jitterFromMillis();
    long jitter = span <= 0 ? p.jitterFromMillis() : p.jitterFromMillis() + (long) (fraction(seed) * span);
    return base + jitter;
  }

  /** A number in [0, 1) that depends only on the seed (FNV-1a, then the SplitMix64 finaliser). */
  public static double fraction(String seed) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < seed.length(); i++) {
      h = (h ^ seed.charAt(i)) * 0x100000001b3L;
    }
    h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
    h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
    h = h ^ (h >>> 31);
    return (h >>> 11) * 0x1.0p-53;
  }
}
