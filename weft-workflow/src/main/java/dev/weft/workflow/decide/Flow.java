package dev.weft.workflow.decide;

import com.fasterxml.jackson.databind.JsonNode;

/** How running a step or a task list ended within one replay. */
sealed interface Flow {
  /** Finished with this output; {@code then} overrides the step's own directive (set by {@code switch}). */
  record Done(JsonNode output, String then) implements Flow {}

  /** Waits for the outcome of a command. */
  record Blocked() implements Flow {}

  /**
   * Raised an RFC 7807 error; {@code cause} is the id of the command whose failure it is, or
   * null when a pure step raised it.
   */
  record Raised(JsonNode error, String cause) implements Flow {
    Raised(JsonNode error) {
      this(error, null);
    }
  }

  /** A {@code then: end} ended the workflow with this output. */
  record End(JsonNode output) implements Flow {}
}
