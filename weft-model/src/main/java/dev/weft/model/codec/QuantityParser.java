package dev.weft.model.codec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints resource quantities as users write them. Every parse method throws
 * {@link IllegalArgumentException} whose message is one line naming the bad value; fractions
 * round up (a request is never smaller than what was written).
 *
 * <ul>
 *   <li>cpu: CPUs ({@code 2}, {@code 0.5}) or millicores ({@code 500m}), to millicores;
 *   <li>memory and disk: MiB ({@code 512}) or a quantity with a binary ({@code Ki Mi Gi Ti Pi Ei})
 *       or decimal ({@code k M G T P E}) suffix, to MiB;
 *   <li>counts (gpus, extended resources): whole numbers.
 * </ul>
 */
public final class QuantityParser {
  public static final String CPU_EXPECTED = "a cpu quantity like 2, 0.5 or 500m";
  public static final String MEMORY_EXPECTED = "a quantity like 4Gi or 512Mi";
  public static final String COUNT_EXPECTED = "a whole number";

  private static final Pattern QUANTITY =
      Pattern.compile("\\s*([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*([A-Za-z]*)\\s*");
  private static final BigDecimal MIB = BigDecimal.valueOf(1L << 20);
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
  private static final Map<String, BigDecimal> BYTES_PER_UNIT = bytesPerUnit();

  private QuantityParser() {
  }

  /** CPUs or {@code <n>m} millicores, to millicores. */
  public static long cpuMillis(String text) {
    Matcher m = match(text, CPU_EXPECTED);
    BigDecimal value = nonNegative(number(m.group(1), text), text);
    return switch (m.group(2)) {
      case "" -> wholeUp(value.multiply(THOUSAND), text);
      case "m" -> wholeUp(value, text);
      default -> throw new IllegalArgumentException("unknown cpu unit '" + m.group(2)
          + "' (write CPUs like 2 or 0.5, or millicores like 500m), got " + Shown.text(text));
    };
  }

  /** MiB, or a quantity with a binary or decimal suffix, to MiB. */
  public static long mebibytes(String text) {
    Matcher m = match(text, MEMORY_EXPECTED);
    BigDecimal value = nonNegative(number(m.group(1), text), text);
    BigDecimal perUnit = BYTES_PER_UNIT.get(m.group(2));
    if (perUnit == null) {
      throw new IllegalArgumentException("unknown unit '" + m.group(2) + "'"
          + ClosestName.hint(m.group(2), BYTES_PER_UNIT.keySet().stream().filter(u -> !u.isEmpty()).toList())
          + ", got " + Shown.text(text));
    }
    return wholeUp(value.multiply(perUnit).divide(MIB, 0, RoundingMode.CEILING), text);
  }

  /** A non-negative whole number. */
  public static long count(String text) {
    Matcher m = match(text, COUNT_EXPECTED);
    BigDecimal value = nonNegative(number(m.group(1), text), text);
    if (!m.group(2).isEmpty() || value.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException("expected " + COUNT_EXPECTED + ", got " + Shown.text(text));
    }
    return wholeUp(value, text);
  }

  /** Millicores as CPUs, exactly ({@code 2500} is {@code 2.5}). */
  public static BigDecimal cpus(long millis) {
    return BigDecimal.valueOf(millis, 3).stripTrailingZeros();
  }

  /** MiB in the largest binary unit that divides it: {@code 4Gi}, {@code 1536Mi}. */
  public static String formatMebibytes(long mib) {
    String[] units = {"Ei", "Pi", "Ti", "Gi"};
    for (int i = 0; i < units.length; i++) {
      long per = 1L << (10 * (units.length - i));
      if (mib != 0 && mib % per == 0) {
        return mib / per + units[i];
      }
    }
    return mib + "Mi";
  }

  private static Matcher match(String text, String expected) {
    Matcher m = QUANTITY.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("expected " + expected + ", got " + Shown.text(text));
    }
    return m;
  }

  /**
   * Parses a number, refusing magnitudes no quantity has (and that would be slow to expand), and
   * keeping at most 30 decimals (a tiny positive value still rounds up to one unit).
   */
  static BigDecimal number(String digits, String text) {
    BigDecimal value = new BigDecimal(digits);
    if (value.precision() - value.scale() > 30) {
      throw new IllegalArgumentException("is too large, got " + Shown.text(text));
    }
    if (value.scale() <= 30) {
      return value;
    }
    boolean tiny = value.precision() - value.scale() < -30;
    return tiny ? BigDecimal.valueOf(value.signum(), 30) : value.setScale(30, RoundingMode.CEILING);
  }

  private static BigDecimal nonNegative(BigDecimal value, String text) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("must not be negative, got " + Shown.text(text));
    }
    return value;
  }

  private static long wholeUp(BigDecimal value, String text) {
    try {
      return value.setScale(0, RoundingMode.CEILING).longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("is too large, got " + Shown.text(text));
    }
  }

  private static Map<String, BigDecimal> bytesPerUnit() {
    Map<String, BigDecimal> units = new LinkedHashMap<>();
    units.put("", MIB);
    String[] binary = {"Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
    String[] decimal = {"k", "M", "G", "T", "P", "E"};
    for (int i = 0; i < binary.length; i++) {
      units.put(binary[i], BigDecimal.valueOf(2).pow(10 * (i + 1)));
    }
    for (int i = 0; i < decimal.length; i++) {
      units.put(decimal[i], THOUSAND.pow(i + 1));
    }
    return Collections.unmodifiableMap(units);
  }
}
