package dev.weft.server.api.limits;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many requests one caller may make: {@code perSecond} sustained, {@code burst} at once (a
 * token bucket of {@code burst} tokens refilled at {@code perSecond}).
 *
 * @param perSecond the sustained rate, more than 0
 * @param burst the bucket's size, at least 1
 */
public record RequestRate(double perSecond, int burst) {
  private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:/\\s*([smh]))?");

  public RequestRate {
    if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("the rate must be more than 0 requests a second, got " + perSecond);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("the burst must be at least 1 request, got " + burst);
    }
  }

  /**
   * Reads {@code N}, {@code N/s}, {@code N/m} or {@code N/h} (requests a second, minute, hour).
   *
   * @throws IllegalArgumentException naming what was expected
   */
  public static double parsePerSecond(String text) {
    Matcher m = RATE.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("expected requests per second, minute or hour (50, 50/s, 600/m, 1000/h), got '"
          + text + "'");
    }
    double n = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    double perSecond = switch (unit) {
      case "m" -> n / 60;
      case "h" -> n / 3600;
      default -> n;
    };
    if (!(perSecond > 0)) {
      throw new IllegalArgumentException("the rate must be more than 0, got '" + text + "'");
    }
    return perSecond;
  }

  /** "50 requests a second (bursts of 100)", for messages. */
  public String describe() {
    String rate = perSecond >= 1 ? requests(perSecond) + " a second"
        : perSecond * 60 >= 1 ? requests(perSecond * 60) + " a minute" : requests(perSecond * 3600) + " an hour";
    return rate + " (bursts of " + burst + ")";
  }

  private static String requests(double n) {
    return format(n) + (n == 1 ? " request" : " requests");
  }

  private static String format(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
  }
}
