package dev.weft.server.api.workers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The bodies of the worker protocol, read strictly (an unknown field is a 400 naming it). */
final class WorkerRequests {
  private WorkerRequests() {}

  /** {@code POST /api/v1/worker/poll}: lease up to {@code max} calls of {@code queues}, waiting up to {@code waitMillis}. */
  record Poll(String worker, List<String> queues, Integer max, Integer waitMillis) {}

  /** {@code POST .../complete}: the output of the call leased at {@code attempt}. */
  record Complete(String worker, Integer attempt, JsonNode output) {}

  /** {@code POST .../fail}: the error of the call leased at {@code attempt}; {@code retryable} defaults to true. */
  record Fail(String worker, Integer attempt, JsonNode error, Boolean retryable) {}

  /** {@code POST .../heartbeat}: keep the lease of the call leased at {@code attempt}. */
  record Heartbeat(String worker, Integer attempt) {}
}
