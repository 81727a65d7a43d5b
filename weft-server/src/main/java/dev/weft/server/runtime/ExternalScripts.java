package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.workflow.read.Problem;
import dev.weft.workflow.read.WorkflowValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches the code of each {@code run: script} given by {@code source} (an external resource)
 * when the definition is stored, and writes it in as the script's {@code code}, so every run and
 * every replay runs the code the definition was stored with; a changed remote script needs a new
 * {@code document.version}. Endpoints are read by {@link ResourceReader} ({@code http(s)} with a
 * literal or {@code use:} authentication, or {@code file:}); a script kept per URI for the life of
 * this object. One that cannot be read is a {@link WorkflowValidationException} at its
 * {@code source/endpoint}.
 */
final class ExternalScripts {

  /** The text to go on with and its tree. */
  record Resolved(String text, JsonNode document) {}

  private final ResourceReader reader;
  private final Map<String, String> fetched = new ConcurrentHashMap<>();

  ExternalScripts(ResourceReader reader) {
    this.reader = reader;
  }

  /** {@code text} and {@code document} as they are when no script has a source; else with each source's code written in. */
  Resolved resolve(String text, JsonNode document) {
    List<String> pointers = new ArrayList<>();
    collect(document, "", pointers);
    if (pointers.isEmpty()) {
      return new Resolved(text, document);
    }
    ObjectNode resolved = (ObjectNode) document.deepCopy();
    List<Problem> problems = new ArrayList<>();
    StringBuilder header = new StringBuilder("# Stored by Weft with its external scripts inlined:\n");
    for (String pointer : pointers) {
      ObjectNode script = (ObjectNode) resolved.at(pointer);
      JsonNode endpoint = script.at("/source/endpoint");
      String uri = ResourceReader.uri(endpoint);
      try {
        String code = fetched.computeIfAbsent(uri, u -> reader.read(u, ResourceReader.authentication(document, endpoint, "scripts")));
        script.remove("source");
        script.put("code", code);
        header.append("#   ").append(pointer).append(" from ").append(uri).append('\n');
      } catch (IllegalArgumentException e) {
        problems.add(new Problem(pointer + "/source/endpoint", "the script " + uri + " cannot be read: " + e.getMessage()));
      }
    }
    return new Resolved(ResourceReader.stored(text, header, resolved, problems), resolved);
  }

  /** The pointers of the {@code run.script} objects that have a {@code source}; {@code with} and {@code set} hold data. */
  private static void collect(JsonNode node, String pointer, List<String> found) {
    if (node.isObject()) {
      if (pointer.endsWith("/run") && node.path("script").has("source")) {
        found.add(pointer + "/script");
        return;
      }
      for (var e : node.properties()) {
        if (!e.getKey().equals("with") && !e.getKey().equals("set")) {
          collect(e.getValue(), pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), found);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), pointer + "/" + i, found);
      }
    }
  }
}
