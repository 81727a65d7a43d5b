package dev.weft.model.codec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints durations as users write them, to milliseconds: a number of seconds
 * ({@code 30}, {@code 0.25}), units ({@code 250ms}, {@code 30s}, {@code 5m}, {@code 2h},
 * {@code 1d}, or several like {@code 1h30m}), or ISO-8601 ({@code PT5M}, {@code P1DT2H}).
 * Fractions of a millisecond round up. Parse methods throw {@link IllegalArgumentException}
 * whose message is one line naming the bad value.
 */
public final class DurationParser {
  public static final String EXPECTED = "a duration like 30s, 5m, 2h, 1d, 250ms or PT5M";

  private static final Pattern SECONDS = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");
  private static final Pattern PARTS = Pattern.compile("(\\d+(?:\\.\\d+)?(?:ms|s|m|h|d))+");
  private static final Map<String, Long> MILLIS_PER_UNIT =
      Map.of("ms", 1L, "s", 1_000L, "m", 60_000L, "h", 3_600_000L, "d", 86_400_000L);
  private static final String[] UNITS_LARGEST_FIRST = {"d", "h", "m", "s"};

  private DurationParser() {
  }

  public static long millis(String text) {
    String t = text.strip();
    if (t.startsWith("-")) {
      throw new IllegalArgumentException("must not be negative, got " + Shown.text(text));
    }
    if (SECONDS.matcher(t).matches()) {
      return wholeUp(QuantityParser.number(t, text).multiply(BigDecimal.valueOf(1000)), text);
    }
    if (PARTS.matcher(t).matches()) {
      return parts(t, text);
    }
    if (t.startsWith("P") || t.startsWith("p")) {
      return iso(t, text);
    }
    throw new IllegalArgumentException("expected " + EXPECTED + ", got " + Shown.text(text));
  }

  /** In the largest unit that divides it exactly: {@code 90m}, {@code 1d}, {@code 250ms}. */
  public static String format(long millis) {
    for (String unit : UNITS_LARGEST_FIRST) {
      long per = MILLIS_PER_UNIT.get(unit);
      if (millis != 0 && millis % per == 0) {
        return millis / per + unit;
      }
    }
    return millis == 0 ? "0s" : millis + "ms";
  }

  private static long parts(String t, String text) {
    BigDecimal total = BigDecimal.ZERO;
    Matcher m = PART.matcher(t);
    while (m.find()) {
      total = total.add(QuantityParser.number(m.group(1), text).multiply(BigDecimal.valueOf(MILLIS_PER_UNIT.get(m.group(2)))));
    }
    return wholeUp(total, text);
  }

  private static long iso(String t, String text) {
    try {
      Duration d = Duration.parse(t);
      if (d.isNegative()) {
        throw new IllegalArgumentException("must not be negative, got " + Shown.text(text));
      }
      return d.toMillis() + (d.getNano() % 1_000_000 == 0 ? 0 : 1);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("expected " + EXPECTED + ", got " + Shown.text(text));
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("is too large, got " + Shown.text(text));
    }
  }

  private static long wholeUp(BigDecimal millis, String text) {
    try {
      return millis.setScale(0, RoundingMode.CEILING).longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("is too large, got " + Shown.text(text));
    }
  }
}
