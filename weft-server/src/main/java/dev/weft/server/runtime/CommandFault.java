package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.workflow.decide.Errors;

/** A command that could not be carried out; {@code error} is the RFC 7807 object fed back as {@code CommandFailed}. */
final class CommandFault extends Exception {
  private final transient JsonNode error;
  private final Integer exitCode;

  CommandFault(String kind, int status, String title, String detail, String step) {
    super(title + ": " + detail);
    this.error = Errors.of(kind, status, title, detail, step);
    this.exitCode = null;
  }

  /** A fault that passes on an error as it is (a child workflow's). */
  CommandFault(JsonNode error) {
    this(error, null);
  }

  /** A process that exited with {@code exitCode}, failing with {@code error}. */
  CommandFault(JsonNode error, Integer exitCode) {
    super(error.path("title").asText("child workflow failed"));
    this.error = error;
    this.exitCode = exitCode;
  }

  JsonNode error() {
    return error;
  }

  /** The exit code of the process whose failure this is; null for any other fault. */
  Integer exitCode() {
    return exitCode;
  }
}
