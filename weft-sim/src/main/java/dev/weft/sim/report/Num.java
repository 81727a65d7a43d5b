package dev.weft.sim.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How reports write numbers: never in the default locale, so a report is the same bytes on every
 * machine, and durations in the unit a reader grasps.
 */
public final class Num {
  private static final DecimalFormatSymbols ROOT = DecimalFormatSymbols.getInstance(Locale.ROOT);

  private Num() {}

  /** An SVG coordinate: one decimal, never {@code -0.0}, never NaN. */
  static String coord(double v) {
    if (!Double.isFinite(v)) {
      return "0";
    }
    double rounded = Math.round(v * 10) / 10.0;
    if (rounded == 0) {
      return "0";
    }
    return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : Double.toString(rounded);
  }

  /** A tick label: at most {@code decimals} decimals, no trailing zeros, thousands grouped. */
  static String label(double v, int decimals) {
    DecimalFormat f = new DecimalFormat("#,##0" + (decimals > 0 ? "." + "#".repeat(decimals) : ""), ROOT);
    String s = f.format(v);
    return s.equals("-0") ? "0" : s;
  }

  /** A count with thousands grouped: {@code 10,000}. */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A figure with exactly {@code decimals} decimals and thousands grouped, e.g. {@code 7,273.77}. */
  public static String fixed(double v, int decimals) {
    return String.format(Locale.ROOT, "%,." + decimals + "f", v);
  }

  /** Seconds as a reader grasps them: {@code 42.0 s}, {@code 17.5 min}, {@code 3.2 h}, {@code 12.4 d}. */
  public static String duration(double seconds) {
    double a = Math.abs(seconds);
    if (a < 120) {
      return fixed(seconds, 1) + " s";
    }
    if (a < 2 * 3600) {
      return fixed(seconds / 60, 1) + " min";
    }
    if (a < 2 * 86400) {
      return fixed(seconds / 3600, 1) + " h";
    }
    return fixed(seconds / 86400, 1) + " d";
  }

  /** Seconds exactly, with the readable form beside when it differs: {@code 3,412.2 s (56.9 min)}. */
  public static String seconds(double seconds) {
    String exact = fixed(seconds, 1) + " s";
    String readable = duration(seconds);
    return readable.equals(exact) ? exact : exact + " (" + readable + ")";
  }

  /** A fraction of 1 as a percentage with one decimal: {@code 0.8734} is {@code 87.3%}. */
  public static String percent(double fraction) {
    return fixed(100 * fraction, 1) + "%";
  }
}
