package dev.weft.workflow.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.DisallowSchemaLoader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A compiled {@code input.schema}, {@code output.schema} or {@code export.schema}: an inline
 * JSON Schema ({@code format: json}, optionally {@code json:<version>}; 2020-12 unless the schema
 * or the format names another draft), compiled once per plan. No I/O: a schema given as an
 * external {@code resource}, a {@code $ref} or {@code $schema} that would have to be fetched,
 * another format, or a schema the validator cannot read is kept as a {@link Refusal} and faults
 * the step that uses it. (The runtime fetches external resources when it stores a definition
 * and inlines them, so a stored definition never reaches the compiler with one.)
 */
public final class DataSchema {
  private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
  private static final Map<String, SpecVersion.VersionFlag> VERSIONS = Map.of(
      "draft-04", SpecVersion.VersionFlag.V4, "draft-06", SpecVersion.VersionFlag.V6,
      "draft-07", SpecVersion.VersionFlag.V7, "2019-09", SpecVersion.VersionFlag.V201909,
      "2020-12", SpecVersion.VersionFlag.V202012);

  /** Why a schema cannot be used: the error kind and status the step faults with, and the detail. */
  public record Refusal(String kind, int status, String detail) {}

  /** One place where a value breaks the schema: the JSON pointer into the value ("" for the whole value) and what is wrong. */
  public record Violation(String pointer, String message) {}

  private final String pointer;
  private final JsonSchema compiled;
  private final Refusal refusal;

  private DataSchema(String pointer, JsonSchema compiled, Refusal refusal) {
    this.pointer = pointer;
    this.compiled = compiled;
    this.refusal = refusal;
  }

  /**
   * Compiles the schema definition at {@code pointer} of the document (e.g. {@code /do/0/t/input/schema}).
   *
   * @return null when the definition is absent
   */
  public static DataSchema compile(JsonNode definition, String pointer) {
    if (definition == null || definition.isMissingNode() || definition.isNull()) {
      return null;
    }
    String format = definition.path("format").asText("json");
    String[] parts = format.split(":", 2);
    if (!parts[0].equals("json")) {
      return refused(pointer, "runtime", 501, "schema format '" + format + "' is not supported (only json)");
    }
    SpecVersion.VersionFlag version = parts.length == 1 ? SpecVersion.VersionFlag.V202012 : VERSIONS.get(parts[1]);
    if (version == null) {
      return refused(pointer, "configuration", 400, "unknown JSON Schema version '" + parts[1] + "' (known: " + VERSIONS.keySet() + ")");
    }
    JsonNode document = definition.get("document");
    if (document == null) {
      return refused(pointer, "runtime", 501,
          "a schema given as an external resource is read when the runtime stores the definition, and this plan was compiled"
              + " without that: the decider reads nothing; store the definition first or give the schema inline as 'document'");
    }
    try {
      JsonSchemaFactory factory = JsonSchemaFactory.getInstance(version,
          b -> b.schemaLoaders(loaders -> loaders.values(list -> {
            list.clear();
            list.add(DisallowSchemaLoader.getInstance());
          })));
      JsonSchema schema = factory.getSchema(document, CONFIG);
      schema.initializeValidators();
      return new DataSchema(pointer, schema, null);
    } catch (RuntimeException e) {
      return refused(pointer, "configuration", 400, "the JSON Schema cannot be used: " + e.getMessage());
    }
  }

  private static DataSchema refused(String pointer, String kind, int status, String detail) {
    return new DataSchema(pointer, null, new Refusal(kind, status, detail + " (at " + pointer + ")"));
  }

  /** Where the schema stands in the document. */
  public String pointer() {
    return pointer;
  }

  /** Why the schema cannot be used, or null when it can. */
  public Refusal refusal() {
    return refusal;
  }

  /**
   * The places where {@code value} breaks the schema, sorted by pointer; empty when it conforms.
   *
   * @throws IllegalStateException when the schema is refused, or needs something it may not fetch
   */
  public List<Violation> check(JsonNode value) {
    if (compiled == null) {
      throw new IllegalStateException(refusal.detail());
    }
    List<Violation> found = new ArrayList<>();
    try {
      for (ValidationMessage m : compiled.validate(value)) {
        found.add(new Violation(m.getInstanceLocation().toString(), text(m)));
      }
    } catch (RuntimeException e) {
      throw new IllegalStateException("the JSON Schema at " + pointer + " cannot be used: " + e.getMessage(), e);
    }
    found.sort(Comparator.comparing(Violation::pointer).thenComparing(Violation::message));
    return found;
  }

  private static String text(ValidationMessage m) {
    String text = m.getMessage();
    String at = m.getInstanceLocation().toString();
    if (text.startsWith(at + ": ")) {
      return text.substring(at.length() + 2);
    }
    return text.startsWith(": ") ? text.substring(2) : text;
  }
}
