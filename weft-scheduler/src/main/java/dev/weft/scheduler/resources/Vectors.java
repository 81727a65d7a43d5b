package dev.weft.scheduler.resources;

/** Arithmetic on resource vectors of one {@link ResourceSpace}. */
public final class Vectors {
  private Vectors() {}

  /** The first dimension where {@code need} exceeds {@code free}, or -1 when it fits. */
  public static int shortfall(long[] need, long[] free) {
    for (int d = 0; d < need.length; d++) {
      if (need[d] > free[d]) {
        return d;
      }
    }
    return -1;
  }

  public static boolean fits(long[] need, long[] free) {
    return shortfall(need, free) < 0;
  }

  public static void add(long[] into, long[] v) {
    for (int d = 0; d < into.length; d++) {
      into[d] += v[d];
    }
  }

  public static void subtract(long[] from, long[] v) {
    for (int d = 0; d < from.length; d++) {
      from[d] -= v[d];
    }
  }

  /** The largest ratio {@code used[d] / of[d]} over dimensions where {@code of[d] > 0}. */
  public static double dominantShare(long[] used, long[] of) {
    double max = 0;
    for (int d = 0; d < used.length; d++) {
      if (of[d] > 0) {
        max = Math.max(max, (double) used[d] / of[d]);
      } else if (used[d] > 0) {
        return Double.POSITIVE_INFINITY;
      }
    }
    return max;
  }

  public static boolean isZero(long[] v) {
    for (long x : v) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }
}
