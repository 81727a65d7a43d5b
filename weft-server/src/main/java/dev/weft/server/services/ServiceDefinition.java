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
   * {@code concurrency} the most calls of the service carried out at once across the cluster (0: no limit).
   */
  public record Contract(JsonNode input, JsonNode output, long timeoutMillis, JsonNode retry, boolean idempotent,
                         int concurrency) {
    /** The most calls at once a contract may allow. */
    public static final int MAX_CONCURRENCY = 100_000;

    /** Without a concurrency limit. */
    public Contract(JsonNode input, JsonNode output, long timeoutMillis, JsonNode retry, boolean idempotent) {
      this(input, output, timeoutMillis, retry, idempotent, 0);
    }
  }

  /** {@code name@version}, how a call remembers which version it used. */
  public String key() {
    return name + "@" + version;
  }
}
