package dev.weft.workflow.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Makes checking nested tasks take time in proportion to the document, written into the DSL's
 * schema before it is compiled. The schema's {@code task} is a {@code oneOf} of the twelve task
 * kinds, and a validator checks every branch against every task: a task list nested in a
 * {@code do} was checked by the {@code do} and the {@code for} branches alike, so each level of
 * nesting multiplied the time by about four (six nested levels took half a minute). Each branch is
 * now guarded by the property that names its kind ({@code if: {required: [call]}, then: {$ref:
 * callTask}, else: {required: [call]}}; {@code do} without {@code for} for a do task), so only the
 * kind a task is gets checked in depth; the {@code else}, which always fails, says which property a
 * task of that kind needs, as the kind's own {@code required} did ({@link SchemaMessages} reads it). A document valid before is valid now and the other way round: a task
 * can only match a kind whose property it has, as the kinds' own {@code required} lists say.
 */
final class TaskDispatchPatch {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Each kind's definition and the property a task of that kind has. */
  private static final Map<String, String> KINDS = Map.ofEntries(Map.entry("callTask", "call"),
      Map.entry("doTask", "do"), Map.entry("forkTask", "fork"), Map.entry("emitTask", "emit"),
      Map.entry("forTask", "for"), Map.entry("listenTask", "listen"), Map.entry("raiseTask", "raise"),
      Map.entry("runTask", "run"), Map.entry("setTask", "set"), Map.entry("switchTask", "switch"),
      Map.entry("tryTask", "try"), Map.entry("waitTask", "wait"));

  private TaskDispatchPatch() {}

  /** Patches {@code schema}'s {@code $defs.task} in place; returns how many kinds it guarded (12 for the DSL's schema). */
  static int apply(JsonNode schema) {
    if (!(schema.at("/$defs/task/oneOf") instanceof ArrayNode kinds)) {
      return 0;
    }
    int guarded = 0;
    for (int i = 0; i < kinds.size(); i++) {
      String ref = kinds.get(i).path("$ref").asText();
      String kind = ref.substring(ref.lastIndexOf('/') + 1);
      String property = KINDS.get(kind);
      if (property == null) {
        continue;
      }
      ObjectNode when = NODES.objectNode();
      when.putArray("required").add(property);
      if (kind.equals("doTask")) { // a for task has a do too
        when.putObject("not").putArray("required").add("for");
      }
      ObjectNode guard = NODES.objectNode();
      guard.set("if", when);
      guard.putObject("then").put("$ref", ref);
      guard.set("else", when.deepCopy()); // fails as the guard did, saying which property is missing
      kinds.set(i, guard);
      guarded++;
    }
    return guarded;
  }
}
