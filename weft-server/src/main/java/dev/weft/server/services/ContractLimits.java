package dev.weft.server.services;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.server.api.limits.RequestRate;
import java.util.List;

/**
 * Reads a contract's limits: {@code concurrency} (the most calls carried out at once) and
 * {@code rateLimit} (the most calls started a second, minute or hour, after an optional burst).
 * Each problem is added with its JSON pointer; a field with a problem reads as no limit.
 */
final class ContractLimits {
  /** The most calls started at once a rate limit's burst may allow. */
  static final int MAX_BURST = 100_000;

  private ContractLimits() {}

  /** A rate limit as read: calls a second (0: none) and the burst. */
  record Rate(double perSecond, int burst) {
    static final Rate NONE = new Rate(0, 1);
  }

  /** {@code contract.concurrency}: absent (0, no limit) or 1 to {@link ServiceDefinition.Contract#MAX_CONCURRENCY}. */
  static int concurrency(JsonNode n, List<ServiceProblem> problems) {
    return n == null ? 0 : wholeNumber(n, "/contract/concurrency", "the most calls carried out at once",
        ServiceDefinition.Contract.MAX_CONCURRENCY, 0, problems);
  }

  /**
   * {@code contract.rateLimit}: absent (no limit), calls a second, minute or hour ({@code 5},
   * {@code 5/s}, {@code 300/m}), or {@code {rate: 300/m, burst: 20}}.
   */
  static Rate rate(JsonNode n, List<ServiceProblem> problems) {
    if (n == null) {
      return Rate.NONE;
    }
    if (!n.isObject()) {
      return new Rate(perSecond(n, "/contract/rateLimit", problems), 1);
    }
    ServiceReader.unknown(n, List.of("rate", "burst"), "/contract/rateLimit", problems);
    JsonNode burst = n.get("burst");
    int b = burst == null ? 1
        : wholeNumber(burst, "/contract/rateLimit/burst", "the most calls started at once", MAX_BURST, 1, problems);
    if (n.get("rate") == null) {
      problems.add(new ServiceProblem("/contract/rateLimit/rate", "required: the most calls started a second, minute"
          + " or hour (5/s, 300/m)"));
      return Rate.NONE;
    }
    return new Rate(perSecond(n.get("rate"), "/contract/rateLimit/rate", problems), b);
  }

  /** {@code n} when it is a whole number from 1 to {@code max}, else {@code otherwise} with a problem at {@code at}. */
  private static int wholeNumber(JsonNode n, String at, String what, int max, int otherwise, List<ServiceProblem> problems) {
    if (!n.isIntegralNumber() || n.asLong() < 1 || n.asLong() > max) {
      problems.add(new ServiceProblem(at, "expected " + what + ", a whole number from 1 to " + max + ", got "
          + ServiceReader.shown(n)));
      return otherwise;
    }
    return n.asInt();
  }

  private static double perSecond(JsonNode n, String at, List<ServiceProblem> problems) {
    double perSecond = -1;
    if (n.isTextual() || n.isNumber()) {
      try {
        perSecond = RequestRate.parsePerSecond(n.asText());
      } catch (IllegalArgumentException e) {
        perSecond = -1;
      }
    }
    if (perSecond <= 0 || perSecond > ServiceDefinition.Contract.MAX_RATE) {
      problems.add(new ServiceProblem(at, "expected the most calls started a second, minute or hour (5, 5/s, 300/m,"
          + " 1000/h; at most " + (int) ServiceDefinition.Contract.MAX_RATE + "/s), or {rate, burst}, got "
          + ServiceReader.shown(n)));
      return 0;
    }
    return perSecond;
  }
}
