package dev.weft.sim.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the range of an axis from its data and the ticks along it: steps of 1, 2 or 5 times a
 * power of ten on a linear axis (in the time unit that suits the span, for durations), decades on a
 * log axis, and on a log axis of durations the lengths people name: 1 s, 10 s, 1 min, 10 min, 1 h,
 * 6 h, 1 d, 1 w, 30 d, 100 d, 1 y.
 */
final class Ticks {
  private static final double[] NAMED_SECONDS = {0.001, 0.01, 0.1, 1, 10, 60, 600, 3600, 21600, 86400, 604800,
      2592000, 8640000, 31536000};
  private static final String[] NAMED_LABELS = {"1 ms", "10 ms", "100 ms", "1 s", "10 s", "1 min", "10 min", "1 h",
      "6 h", "1 d", "1 w", "30 d", "100 d", "1 y"};
  private static final double[] UNITS = {86400, 3600, 60, 1};
  private static final String[] UNIT_NAMES = {"d", "h", "min", "s"};
  private static final int TARGET_TICKS = 6;

  private Ticks() {}

  /** The range drawn for data in {@code [lo, hi]} ({@code lo} the least positive value on a log axis). */
  static double[] domain(Axis axis, double lo, double hi) {
    double min = Double.isNaN(axis.min()) ? autoMin(axis, lo) : axis.min();
    double max = Double.isNaN(axis.max()) ? autoMax(axis, min, hi) : axis.max();
    if (!(max > min)) {
      max = axis.log() ? min * 10 : min + 1;
    }
    return new double[] {min, max};
  }

  static List<Tick> of(Axis axis, double min, double max) {
    return axis.log() ? logTicks(axis, min, max) : linearTicks(axis, min, max);
  }

  private static double autoMin(Axis axis, double lo) {
    if (!axis.log()) {
      return Double.isFinite(lo) ? Math.min(0, lo) : 0;
    }
    double positive = Double.isFinite(lo) && lo > 0 ? lo : 1;
    if (axis.units() == Axis.Units.SECONDS) {
      double best = NAMED_SECONDS[0];
      for (double s : NAMED_SECONDS) {
        if (s <= positive) {
          best = s;
        }
      }
      return best;
    }
    return Math.pow(10, Math.floor(Math.log10(positive)));
  }

  private static double autoMax(Axis axis, double min, double hi) {
    double top = Double.isFinite(hi) ? hi : min;
    if (axis.log()) {
      if (axis.units() == Axis.Units.SECONDS) {
        for (double s : NAMED_SECONDS) {
          if (s >= top && s > min) {
            return s;
          }
        }
      }
      return Math.pow(10, Math.ceil(Math.log10(Math.max(top, min * 10))));
    }
    if (top <= min) {
      return min + 1;
    }
    double step = step(axis, top - min);
    return min + Math.ceil((top - min) / step - 1e-9) * step;
  }

  private static List<Tick> linearTicks(Axis axis, double min, double max) {
    double step = step(axis, max - min);
    double unit = unit(axis, max - min);
    int decimals = Math.max(0, (int) -Math.floor(Math.log10(step / unit) + 1e-9));
    List<Tick> ticks = new ArrayList<>();
    for (long k = (long) Math.ceil(min / step - 1e-9); k * step <= max + step * 1e-9; k++) {
      double v = k * step;
      ticks.add(new Tick(v, linearLabel(axis, v, unit, decimals)));
    }
    return ticks;
  }

  private static String linearLabel(Axis axis, double v, double unit, int decimals) {
    return switch (axis.units()) {
      case NUMBER -> Num.label(v, decimals);
      case PERCENT -> Num.label(100 * v, Math.max(0, decimals - 2)) + "%";
      case SECONDS -> v == 0 ? "0" : Num.label(v / unit, decimals) + " " + unitName(unit);
    };
  }

  private static List<Tick> logTicks(Axis axis, double min, double max) {
    List<Tick> ticks = new ArrayList<>();
    if (axis.units() == Axis.Units.SECONDS) {
      for (int i = 0; i < NAMED_SECONDS.length; i++) {
        if (NAMED_SECONDS[i] >= min * (1 - 1e-9) && NAMED_SECONDS[i] <= max * (1 + 1e-9)) {
          ticks.add(new Tick(NAMED_SECONDS[i], NAMED_LABELS[i]));
        }
      }
      return ticks;
    }
    boolean few = Math.log10(max / min) < 2.5;
    for (int e = (int) Math.floor(Math.log10(min)); e <= (int) Math.ceil(Math.log10(max)); e++) {
      for (int m : few ? new int[] {1, 2, 5} : new int[] {1}) {
        double v = m * Math.pow(10, e);
        if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) {
          ticks.add(new Tick(v, logLabel(axis, v, e)));
        }
      }
    }
    return ticks;
  }

  private static String logLabel(Axis axis, double v, int exponent) {
    int decimals = Math.max(0, -exponent);
    return axis.units() == Axis.Units.PERCENT ? Num.label(100 * v, Math.max(0, decimals - 2)) + "%"
        : Num.label(v, decimals);
  }

  /** A step of 1, 2 or 5 times a power of ten (of the time unit, for durations) giving about six ticks. */
  private static double step(Axis axis, double span) {
    double unit = unit(axis, span);
    double raw = span / unit / TARGET_TICKS;
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    double m = raw / power;
    double nice = m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10;
    return nice * power * unit;
  }

  private static double unit(Axis axis, double span) {
    if (axis.units() != Axis.Units.SECONDS) {
      return 1;
    }
    for (double u : UNITS) {
      if (span >= 2 * u) {
        return u;
      }
    }
    return 1;
  }

  private static String unitName(double unit) {
    for (int i = 0; i < UNITS.length; i++) {
      if (UNITS[i] == unit) {
        return UNIT_NAMES[i];
      }
    }
    return "s";
  }
}
