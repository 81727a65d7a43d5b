package dev.weft.server.services;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A service as read from its document.
 *
 * @param operation the interface's operation name
 * @param contract input and output schemas (null: anything), timeout (0: the behaviour's own), retry, idempotency
 * @param document the document as JSON, as stored and answered
 */
public record ServiceDefinition(String name, String version, String operation, Contract contract, Behaviour behaviour,
                                JsonNode document) {
  /**
   * The contract: schemas are JSON Schema 2020-12 documents; {@code retry} is kept as written;
   * {@code concurrency} the most calls of the service carried out at once across the cluster (0: no limit);
   * {@code ratePerSecond} the most calls started a second across the cluster (0: no limit), after
   * {@code rateBurst} started at once (1: spaced evenly).
   */
  public record Contract(JsonNode input, JsonNode output, long timeoutMillis, JsonNode retry, boolean idempotent,
                         int concurrency, double ratePerSecond, int rateBurst) {
    /** The most calls at once a contract may allow. */
    public static final int MAX_CONCURRENCY = 100_000;
    /** The most calls a second a rate limit may allow (one a millisecond). */
    public static final double MAX_RATE = 1000;

    /** Without limits. */
    public Contract(JsonNode input, JsonNode output, long timeoutMillis, JsonNode retry, boolean idempotent) {
      this(input, output, timeoutMillis, retry, idempotent, 0, 0, 1);
    }

    /** The least time between two starts under the rate limit, in whole milliseconds (0: no limit). */
    public long startIntervalMillis() {
      return ratePerSecond > 0 ? Math.max(1, (long) Math.ceil(1000 / ratePerSecond)) : 0;
    }
  }

  /** {@code name@version}, how a call remembers which version it used. */
  public String key() {
    return name + "@" + version;
  }
}
