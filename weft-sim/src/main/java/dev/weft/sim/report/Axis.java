package dev.weft.sim.report;

/**
 * One axis of a chart: its title, linear or logarithmic, the units of its values and, when given,
 * a fixed range (else it is chosen from the data). Values outside the range are drawn at its edge;
 * on a log axis, values at or below zero are drawn at its lower edge.
 *
 * @param min the lower end, or NaN to choose it from the data
 * @param max the upper end, or NaN to choose it from the data
 */
public record Axis(String title, boolean log, Units units, double min, double max) {
  /** What the values are, which decides the ticks and their labels. */
  public enum Units {
    /** Plain numbers. */
    NUMBER,
    /** Fractions of 1, labelled as percentages. */
    PERCENT,
    /** Durations in seconds, labelled in s, min, h or d. */
    SECONDS
  }

  public static Axis linear(String title) {
    return new Axis(title, false, Units.NUMBER, Double.NaN, Double.NaN);
  }

  public static Axis log(String title) {
    return new Axis(title, true, Units.NUMBER, Double.NaN, Double.NaN);
  }

  public Axis seconds() {
    return new Axis(title, log, Units.SECONDS, min, max);
  }

  public Axis percent() {
    return new Axis(title, log, Units.PERCENT, min, max);
  }

  /** Fixes the lower end only; the upper end still follows the data. */
  public Axis from(double from) {
    if (log && from <= 0) {
      throw new IllegalArgumentException("a log axis starts above zero, not at " + from);
    }
    return new Axis(title, log, units, from, max);
  }

  public Axis range(double from, double to) {
    if (!(from < to) || (log && from <= 0)) {
      throw new IllegalArgumentException("an axis range must be increasing (and positive on a log axis): "
          + from + ".." + to);
    }
    return new Axis(title, log, units, from, to);
  }

  /** How one value on this axis reads in a tooltip or a table. */
  public String format(double v) {
    return switch (units) {
      case NUMBER -> Num.label(v, Math.abs(v) >= 100 ? 1 : 3);
      case PERCENT -> Num.percent(v);
      case SECONDS -> Num.duration(v);
    };
  }
}
