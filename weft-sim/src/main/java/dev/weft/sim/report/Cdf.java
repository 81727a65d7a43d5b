package dev.weft.sim.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The empirical distribution function of some values as a {@link LineSeries}: at x, the share of
 * values at most x (a fraction of 1). Draw it with {@link LineChart#steps()} and a percent y axis.
 * Up to {@code points} distinct values give one point each (the exact function); more are sampled at
 * {@code points} positions spread evenly on the chosen axis, so a series stays small for any data.
 * On a log axis the sampling starts at the least value even when it is zero, so the line starts at
 * the axis' left edge with the share of values at or below it.
 */
public final class Cdf {
  private Cdf() {}

  public static LineSeries of(String label, double[] values, boolean log, int points) {
    double[] sorted = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
    List<LineSeries.Point> out = new ArrayList<>();
    if (sorted.length == 0) {
      return new LineSeries(label, out);
    }
    double[] xs = Arrays.stream(sorted).distinct().toArray();
    if (xs.length > points) {
      xs = spread(sorted, log, points);
    }
    for (double x : xs) {
      out.add(new LineSeries.Point(x, (double) atMost(sorted, x) / sorted.length));
    }
    return new LineSeries(label, out);
  }

  private static double[] spread(double[] sorted, boolean log, int points) {
    double hi = sorted[sorted.length - 1];
    double lo = log ? Arrays.stream(sorted).filter(v -> v > 0).findFirst().orElse(hi) : sorted[0];
    int first = sorted[0] < lo ? 1 : 0;
    double[] xs = new double[points];
    xs[0] = sorted[0];
    for (int k = first; k < points; k++) {
      double t = (double) (k - first) / (points - 1 - first);
      xs[k] = log && lo > 0 ? lo * Math.pow(hi / lo, t) : lo + t * (hi - lo);
    }
    xs[points - 1] = hi;
    return xs;
  }

  /** How many sorted values are at most x. */
  private static int atMost(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
