package dev.weft.workflow.plan;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A compiled workflow.
 *
 * @param document the validated DSL document (exposed to expressions as {@code $workflow.definition})
 * @param body the top-level {@code do}
 * @param inputFrom the workflow's {@code input.from}, or null
 * @param outputAs the workflow's {@code output.as}, or null
 */
public record Plan(JsonNode document, TaskList body, JsonNode inputFrom, JsonNode outputAs) {
  public String name() {
    return document.at("/document/name").asText();
  }
}
