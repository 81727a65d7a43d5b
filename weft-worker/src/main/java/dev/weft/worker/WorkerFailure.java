package dev.weft.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Thrown by a {@link WeftWorker.Handler} to fail its call with this error: {@code type} a standard
 * error kind of the workflow DSL ({@code communication}, {@code timeout}, {@code runtime}, ...) or a
 * URI of the caller's own, {@code status} HTTP-like, {@code title} a short summary. A retryable
 * failure is tried again when the service's {@code contract.retry} allows it; another one reaches
 * the workflow at once, where {@code try}/{@code catch} can handle it.
 */
public class WorkerFailure extends RuntimeException {
  private final String type;
  private final int status;
  private final String title;
  private final String detail;
  private final boolean retryable;

  public WorkerFailure(String type, int status, String title, String detail, boolean retryable) {
    super(detail == null ? title : title + ": " + detail);
    this.type = type;
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.retryable = retryable;
  }

  /** A failure that is not worth trying again (bad input, a refusal). */
  public static WorkerFailure permanent(String title, String detail) {
    return new WorkerFailure("runtime", 500, title, detail, false);
  }

  public boolean retryable() {
    return retryable;
  }

  /** The error as the protocol sends it: {@code {type, status, title, detail}}. */
  JsonNode error() {
    ObjectNode e = JsonNodeFactory.instance.objectNode().put("type", type).put("status", status).put("title", title);
    if (detail != null) {
      e.put("detail", detail);
    }
    return e;
  }
}
