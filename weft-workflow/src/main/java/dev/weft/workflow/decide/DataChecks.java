package dev.weft.workflow.decide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.workflow.plan.DataSchema;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Run-time checks of data against {@code input.schema}, {@code output.schema} and
 * {@code export.schema}. A value that breaks its schema raises the DSL's validation error
 * (status 400) at the task (or {@code /} for the workflow), its {@code detail} naming each failing
 * JSON pointer of the value, and an {@code errors} member listing them as {@code {pointer, message}}.
 */
final class DataChecks {
  private DataChecks() {}

  /**
   * @param what {@code input}, {@code output} or {@code export} (the value is the new {@code $context})
   * @return null when there is no schema or the value conforms
   */
  static Flow.Raised check(DataSchema schema, JsonNode value, String what, String instance) {
    if (schema == null) {
      return null;
    }
    DataSchema.Refusal refusal = schema.refusal();
    if (refusal != null) {
      return new Flow.Raised(Errors.of(refusal.kind(), refusal.status(), "Schema not usable", refusal.detail(), instance));
    }
    List<DataSchema.Violation> violations;
    try {
      violations = schema.check(value);
    } catch (IllegalStateException e) {
      return new Flow.Raised(Errors.of("configuration", 400, "Schema not usable", e.getMessage(), instance));
    }
    if (violations.isEmpty()) {
      return null;
    }
    String subject = what.equals("export") ? "the exported context" : "the " + what;
    String detail = subject + " does not match " + what + ".schema (" + schema.pointer() + "): "
        + violations.stream().map(v -> shown(v.pointer()) + ": " + v.message()).collect(Collectors.joining("; "));
    ObjectNode error = Errors.of("validation", 400, "Validation error", detail, instance);
    ArrayNode list = error.putArray("errors");
    violations.forEach(v -> list.addObject().put("pointer", v.pointer()).put("message", v.message()));
    return new Flow.Raised(error);
  }

  /** The root's pointer is the empty string; written out so the reader sees it. */
  private static String shown(String pointer) {
    return pointer.isEmpty() ? "(root)" : pointer;
  }
}
