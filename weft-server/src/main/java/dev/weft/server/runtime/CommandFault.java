package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.workflow.decide.Errors;

/** A command that could not be carried out; {@code error} is the RFC 7807 object fed back as {@code CommandFailed}. */
final class CommandFault extends Exception {
  private final transient JsonNode error;

  CommandFault(String kind, int status, String title, String detail, String step) {
    super(title + ": " + detail);
    this.error = Errors.of(kind, status, title, detail, step);
  }

  /** A fault that passes on an error as it is (a child workflow's). */
  CommandFault(JsonNode error) {
    super(error.path("title").asText("child workflow failed"));
    this.error = error;
  }

  JsonNode error() {
    return error;
  }
}
