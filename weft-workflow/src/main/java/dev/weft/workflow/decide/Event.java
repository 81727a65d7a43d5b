package dev.weft.workflow.decide;

import com.fasterxml.jackson.databind.JsonNode;

/** What happened to an instance; the only way anything reaches the decider. */
public sealed interface Event {
  /** The instance starts with this input; {@code secrets} are exposed to expressions as {@code $secrets}. */
  record Started(JsonNode input, JsonNode secrets) implements Event {}

  /** A command was carried out; {@code result} is its output (for a listen, the events consumed). */
  record CommandCompleted(String commandId, JsonNode result) implements Event {}

  /** A command failed; {@code error} is an RFC 7807 object. */
  record CommandFailed(String commandId, JsonNode error) implements Event {}

  record TimerFired(String timerId) implements Event {}

  record Cancelled(String reason) implements Event {}
}
