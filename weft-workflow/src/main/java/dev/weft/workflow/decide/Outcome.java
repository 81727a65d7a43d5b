package dev.weft.workflow.decide;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What came back for a command. {@code seq} is its place in the order of arrival (1, 2, ...),
 * which decides the winner of a competing fork.
 */
public sealed interface Outcome {
  long seq();

  record Succeeded(long seq, JsonNode result) implements Outcome {}

  record Failed(long seq, JsonNode error) implements Outcome {}
}
