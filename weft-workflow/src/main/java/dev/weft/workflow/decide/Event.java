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

  /** An operator paused the instance: it issues no new commands until {@link Resumed}. */
  record Suspended(String reason) implements Event {}

  record Resumed() implements Event {}

  /**
   * An operator asked to run a faulted instance again from the step whose command failed: that
   * command is forgotten and issued again under a new id; outcomes before it are reused.
   */
  record RetryRequested() implements Event {}

  /** A CloudEvent delivered to the instance; an open {@code listen} whose filters match consumes it. */
  record EventReceived(JsonNode event) implements Event {}
}
