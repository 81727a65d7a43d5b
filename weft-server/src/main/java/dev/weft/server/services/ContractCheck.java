package dev.weft.server.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.workflow.plan.DataSchema;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks values against a service's contract schemas (JSON Schema 2020-12, through the same
 * validator the workflow engine uses for {@code input.schema}). Compiled schemas are kept per
 * service version: a stored version never changes.
 */
public final class ContractCheck {
  private final Map<String, DataSchema> compiled = new ConcurrentHashMap<>();

  /**
   * Where {@code value} breaks the service's input (or output) schema: pointers into the value
   * and what is wrong; empty when it conforms or there is no schema.
   */
  public List<DataSchema.Violation> input(ServiceDefinition s, JsonNode value) {
    return check(s, "input", s.contract().input(), value);
  }

  public List<DataSchema.Violation> output(ServiceDefinition s, JsonNode value) {
    return check(s, "output", s.contract().output(), value);
  }

  private List<DataSchema.Violation> check(ServiceDefinition s, String which, JsonNode schema, JsonNode value) {
    if (schema == null) {
      return List.of();
    }
    DataSchema d = compiled.computeIfAbsent(s.key() + "#" + which, k -> {
      ObjectNode def = JsonNodeFactory.instance.objectNode();
      def.set("document", schema);
      return DataSchema.compile(def, "/contract/" + which);
    });
    return d.check(value == null ? JsonNodeFactory.instance.nullNode() : value);
  }

  /** One line naming each violation: {@code /x: string found, number expected}. */
  public static String describe(List<DataSchema.Violation> violations) {
    return String.join("; ", violations.stream()
        .map(v -> (v.pointer().isEmpty() ? "/" : v.pointer()) + ": " + v.message()).toList());
  }
}
