package dev.weft.sim.gpu;

import java.util.Arrays;
import java.util.List;

/**
 * GPU allocation ratio (allocated GPU milli / cluster GPU milli, percent) against arrived GPU demand
 * (arrived GPU milli / cluster GPU milli, percent), at whole percents of demand. As in the FGD
 * analysis ({@code merge_alloc_discrete.py}): every recorded moment is binned by its demand
 * rounded to a whole percent (half to even), a bin's value is the mean ratio of its moments, and
 * an empty bin takes the mean of the moments within one percent of it; NaN when there are none.
 */
public record AllocationCurve(double[] ratioAtPercent) {
  static AllocationCurve of(ReplayTrace t) {
    int moments = t.arrivedMilli().length;
    int top = (int) Math.rint(100.0 * t.arrivedMilli()[moments - 1] / t.clusterGpuMilli());
    double[] sum = new double[top + 2];
    int[] count = new int[top + 2];
    for (int i = 0; i < moments; i++) {
      int bin = (int) Math.rint(100.0 * t.arrivedMilli()[i] / t.clusterGpuMilli());
      sum[bin] += 100.0 * t.allocatedMilli()[i] / t.clusterGpuMilli();
      count[bin]++;
    }
    double[] out = new double[top + 1];
    for (int p = 0; p <= top; p++) {
      if (count[p] > 0) {
        out[p] = sum[p] / count[p];
      } else {
        int n = count[p + 1] + (p > 0 ? count[p - 1] : 0);
        out[p] = n == 0 ? Double.NaN : (sum[p + 1] + (p > 0 ? sum[p - 1] : 0)) / n;
      }
    }
    return new AllocationCurve(out);
  }

  /** The ratio at {@code percent} of demand; NaN beyond the curve. */
  public double at(int percent) {
    return percent < ratioAtPercent.length ? ratioAtPercent[percent] : Double.NaN;
  }

  /** The highest demand percent reached. */
  public int topPercent() {
    return ratioAtPercent.length - 1;
  }

  /** The point-wise mean of several curves, as far as the shortest goes. */
  public static AllocationCurve mean(List<AllocationCurve> curves) {
    int length = curves.stream().mapToInt(c -> c.ratioAtPercent.length).min().orElse(0);
    double[] out = new double[length];
    for (int p = 0; p < length; p++) {
      int at = p;
      out[p] = curves.stream().mapToDouble(c -> c.ratioAtPercent[at]).average().orElse(Double.NaN);
    }
    return new AllocationCurve(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AllocationCurve c && Arrays.equals(ratioAtPercent, c.ratioAtPercent);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(ratioAtPercent);
  }

  @Override
  public String toString() {
    return Arrays.toString(ratioAtPercent);
  }
}
