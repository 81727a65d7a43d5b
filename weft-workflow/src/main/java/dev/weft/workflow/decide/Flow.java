package dev.weft.workflow.decide;

import com.fasterxml.jackson.databind.JsonNode;

/** How running a step or a task list ended within one replay. */
sealed interface Flow {
  /** Finished with this output; {@code then} overrides the step's own directive (set by {@code switch}). */
  record Done(JsonNode output, String then) implements Flow {}

  /** Waits for the outcome of a command. */
  record Blocked() implements Flow {}

  /** Raised an RFC 7807 error. */
  record Raised(JsonNode error) implements Flow {}

  /** A {@code then: end} ended the workflow with this output. */
  record End(JsonNode output) implements Flow {}
}
