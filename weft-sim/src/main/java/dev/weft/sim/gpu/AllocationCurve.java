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
    double[] demand = new double[moments];
    double[] ratio = new double[moments];
    int top = 0;
    for (int i = 0; i < moments; i++) {
      demand[i] = 100.0 * t.arrivedMilli()[i] / t.clusterGpuMilli();
      ratio[i] = 100.0 * t.allocatedMilli()[i] / t.clusterGpuMilli();
      top = Math.max(top, (int) Math.rint(demand[i]));
    }
    double[] out = new double[top + 1];
    for (int p = 0; p <= top; p++) {
      out[p] = mean(demand, ratio, p, 0);
      if (Double.isNaN(out[p])) {
        out[p] = mean(demand, ratio, p, 1);
      }
    }
    return new AllocationCurve(out);
  }

  private static double mean(double[] demand, double[] ratio, int percent, int window) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < demand.length; i++) {
      double bin = Math.rint(demand[i]);
      if (bin >= percent - window && bin <= percent + window) {
        sum += ratio[i];
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
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
