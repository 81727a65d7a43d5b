package dev.weft.sim.report;

import java.util.stream.DoubleStream;

/**
 * The smallest and largest finite values of some data (on a log axis, the smallest positive one);
 * NaN when there are none.
 */
record Extent(double lo, double hi) {
  static Extent of(DoubleStream values, boolean log) {
    double lo = Double.NaN;
    double hi = Double.NaN;
    for (double v : (Iterable<Double>) values.filter(Double::isFinite)::iterator) {
      if (!log || v > 0) {
        lo = Double.isNaN(lo) ? v : Math.min(lo, v);
      }
      hi = Double.isNaN(hi) ? v : Math.max(hi, v);
    }
    return new Extent(lo, hi);
  }

  /** The range an axis draws for this data. */
  double[] domain(Axis axis) {
    return Ticks.domain(axis, lo, hi);
  }
}
