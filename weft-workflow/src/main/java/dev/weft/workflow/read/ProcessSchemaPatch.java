package dev.weft.workflow.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * What DSL 1.0.3 changed in the processes of {@code run} that the newest published schema artifact
 * (DSL 1.0.1) does not have yet, written into that schema before it is compiled: {@code shell},
 * {@code script} and {@code container} take a {@code stdin} (a string, usually a runtime
 * expression) and their {@code arguments} as argv, a list of strings (1.0.1's key/value object is
 * still accepted: its values are appended in order), and {@code container} a {@code pullPolicy}.
 */
final class ProcessSchemaPatch {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** The titles the schema gives the processes' objects (also how their properties' titles start). */
  private static final Set<String> PROCESSES = Set.of("Shell", "Script", "Container");

  private ProcessSchemaPatch() {}

  /** Patches {@code schema} in place; returns how many process objects it changed (3 for the DSL's schema). */
  static int apply(JsonNode schema) {
    int patched = 0;
    if (schema instanceof ObjectNode o && PROCESSES.contains(o.path("title").asText())
        && o.get("properties") instanceof ObjectNode properties) {
      patch(o.path("title").asText(), properties);
      patched++;
    }
    for (JsonNode child : schema) {
      patched += apply(child);
    }
    return patched;
  }

  private static void patch(String process, ObjectNode properties) {
    properties.set("stdin", NODES.objectNode().put("type", "string").put("title", process + "Stdin")
        .put("description", "A runtime expression, if any, to the process as standard input (stdin)."));
    ObjectNode list = NODES.objectNode().put("type", "array");
    list.putObject("items").put("type", "string");
    ObjectNode map = NODES.objectNode().put("type", "object").put("additionalProperties", true);
    ObjectNode arguments = NODES.objectNode().put("title", process + "Arguments")
        .put("description", "The arguments, if any, to the process as argv (DSL 1.0.3), or a key/value mapping (1.0.1).");
    arguments.putArray("oneOf").add(list).add(map);
    properties.set("arguments", arguments);
    if (process.equals("Container")) {
      ObjectNode pull = properties.putObject("pullPolicy").put("type", "string").put("title", "ContainerPullPolicy");
      pull.putArray("enum").add("ifNotPresent").add("always").add("never");
    }
  }
}
