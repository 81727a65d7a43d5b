package dev.weft.workflow.plan;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A compiled workflow.
 *
 * @param document the validated DSL document (exposed to expressions as {@code $workflow.definition})
 * @param body the top-level {@code do}
 * @param inputFrom the workflow's {@code input.from}, or null
 * @param outputAs the workflow's {@code output.as}, or null
 * @param timeoutMillis the workflow's {@code timeout.after}, 0 for none
 * @param schemas the workflow's {@code input.schema} and {@code output.schema}, compiled once for all instances
 */
public record Plan(JsonNode document, TaskList body, JsonNode inputFrom, JsonNode outputAs, long timeoutMillis,
    Step.Schemas schemas) {
  /** The names the document declares in {@code use.secrets}; only these are visible as {@code $secrets}. */
  public java.util.List<String> declaredSecrets() {
    java.util.List<String> names = new java.util.ArrayList<>();
    document.at("/use/secrets").forEach(n -> names.add(n.asText()));
    return names;
  }

  /** The document's {@code schedule}, or a missing node. */
  public JsonNode schedule() {
    return document.path("schedule");
  }

  public String name() {
    return document.at("/document/name").asText();
  }
}
