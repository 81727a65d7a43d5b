package dev.weft.sim.report;

/**
 * Maps values of a range {@code [min, max]} onto pixels {@code [from, to]}, linearly or by their
 * logarithm. Values outside the range map to its nearer end, so a line never leaves its plot.
 */
record Scale(boolean log, double min, double max, double from, double to) {
  double map(double v) {
    double c = Math.max(min, Math.min(max, Double.isNaN(v) ? min : v));
    double t = log ? Math.log(c / min) / Math.log(max / min) : (c - min) / (max - min);
    return from + t * (to - from);
  }
}
