package dev.weft.sim.workload;

import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Strict decimal numbers as workload files write them ({@code 12}, {@code -1}, {@code 0.5},
 * {@code 1e3}); unlike {@link Double#parseDouble} it refuses {@code NaN}, {@code Infinity},
 * hexadecimal and type suffixes such as {@code 12f}.
 */
final class DecimalText {
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private DecimalText() {}

  static OptionalDouble parse(String text) {
    if (text == null || !DECIMAL.matcher(text).matches()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(Double.parseDouble(text));
  }

  /** Seconds to milliseconds, rounded to the nearest millisecond. */
  static long millis(double seconds) {
    return Math.round(seconds * 1000);
  }
}
