package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.weft.workflow.plan.DataSchema;
import dev.weft.workflow.read.Problem;
import dev.weft.workflow.read.WorkflowReader;
import dev.weft.workflow.read.WorkflowValidationException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches the JSON Schemas a document gives as an external {@code resource} (an
 * {@code input}, {@code output} or {@code export} schema of the workflow or of any task) when
 * the definition is stored, and writes them into the document as inline {@code document}s.
 * The definition is stored with its schemas, so a decider rebuilt after a restart reads
 * nothing and replays as it first ran; a later change of the remote schema needs a new
 * {@code document.version}.
 *
 * <p>Endpoints are read by {@link ResourceReader}: {@code http(s)} (host redirects, redirections
 * followed, {@code basic}/{@code bearer}/{@code digest}/{@code oauth2}/{@code oidc} written
 * literally or by {@code use:}) or {@code file:} (a relative path is read from the working
 * directory). A fetched schema is kept per URI for the life of this object. A resource
 * that cannot be fetched, or that is not a usable JSON Schema, is a
 * {@link WorkflowValidationException} naming its pointer.
 */
public final class ExternalSchemas {
  private static final YAMLMapper YAML = new YAMLMapper();

  private final ResourceReader reader;
  private final Map<String, JsonNode> fetched = new ConcurrentHashMap<>();

  ExternalSchemas(ResourceReader reader) {
    this.reader = reader;
  }

  /**
   * The text itself when it names no external schema; else the document with every external
   * schema inlined, as YAML headed by the text's own leading comment lines (those of
   * {@link CatalogFunctions}, when it ran first) and a comment saying where each schema came from.
   *
   * @throws WorkflowValidationException when the document is invalid, or a schema cannot be fetched or used
   */
  public String resolve(String text) {
    return resolve(text, WorkflowReader.read(text));
  }

  /** As {@link #resolve(String)}, {@code document} being {@code text} already read and validated (it is not changed). */
  String resolve(String text, JsonNode document) {
    List<String> pointers = new ArrayList<>();
    collect(document, "", pointers);
    if (pointers.isEmpty()) {
      return text;
    }
    ObjectNode resolved = (ObjectNode) document.deepCopy();
    List<Problem> problems = new ArrayList<>();
    StringBuilder header = new StringBuilder("# Stored by Weft with its external schemas inlined:\n");
    for (String pointer : pointers) {
      ObjectNode schema = (ObjectNode) resolved.at(pointer);
      JsonNode endpoint = schema.at("/resource/endpoint");
      String uri = ResourceReader.uri(endpoint);
      try {
        JsonNode fetchedSchema = fetch(uri, ResourceReader.authentication(document, endpoint, "schemas"));
        MetaSchemas.check(schema.path("format").asText("json"), fetchedSchema);
        DataSchema compiled = DataSchema.compile(document(schema.path("format"), fetchedSchema), pointer);
        if (compiled.refusal() != null) {
          throw new IllegalArgumentException(compiled.refusal().detail());
        }
        schema.remove("resource");
        schema.set("document", fetchedSchema);
        header.append("#   ").append(pointer).append(" from ").append(uri).append('\n');
      } catch (IllegalArgumentException e) {
        problems.add(new Problem(pointer + "/resource/endpoint", "the external schema " + uri + " cannot be used: " + e.getMessage()));
      }
    }
    return ResourceReader.stored(text, header, resolved, problems);
  }

  /** The pointers of the schemas given as a {@code resource}; {@code with} and {@code set} hold data, not definitions. */
  private static void collect(JsonNode node, String pointer, List<String> found) {
    if (node.isObject()) {
      for (var e : node.properties()) {
        String at = pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
        if (e.getKey().equals("with") || e.getKey().equals("set")) {
          continue;
        }
        if (e.getKey().equals("schema") && e.getValue().has("resource") && pointer.matches(".*/(input|output|export)")) {
          found.add(at);
        } else {
          collect(e.getValue(), at, found);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), pointer + "/" + i, found);
      }
    }
  }

  private static ObjectNode document(JsonNode format, JsonNode schema) {
    ObjectNode d = YAML.createObjectNode();
    if (format.isTextual()) {
      d.set("format", format);
    }
    d.set("document", schema);
    return d;
  }

  private JsonNode fetch(String uri, JsonNode authentication) {
    JsonNode known = fetched.get(uri);
    if (known != null) {
      return known;
    }
    String text = reader.read(uri, authentication);
    JsonNode schema;
    try {
      schema = YAML.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException("neither JSON nor YAML: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
    if (schema == null || !(schema.isObject() || schema.isBoolean())) {
      throw new IllegalArgumentException("a JSON Schema is an object or a boolean");
    }
    fetched.put(uri, schema);
    return schema;
  }
}
