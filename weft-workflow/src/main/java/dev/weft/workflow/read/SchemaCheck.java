package dev.weft.workflow.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a document against the DSL's JSON Schema (2020-12) as bundled in the official
 * {@code io.serverlessworkflow:serverlessworkflow-types} artifact ({@code schema/workflow.yaml}, DSL
 * 1.0.1), with DSL 1.0.3's changes to the {@code run} processes ({@link ProcessSchemaPatch}) and its
 * {@code call: mcp} ({@link McpSchemaPatch}) written in.
 */
final class SchemaCheck {
  private static final String SCHEMA = "classpath:schema/workflow.yaml";
  private static final JsonSchema WORKFLOW_SCHEMA = load();

  /** The schema's regular expressions (by their start), in words. */
  private static final java.util.Map<String, String> PATTERNS = java.util.Map.of(
      "^\\s*\\$\\{", "is not a runtime expression ${ ... }",
      "^[A-Za-z][A-Za-z0-9+\\-.]*://", "is not an absolute URI (scheme://...)",
      "^P(?!$)", "is not an ISO 8601 duration (PnDTnHnMnS)");

  private SchemaCheck() {}

  private static JsonSchema load() {
    JsonNode schema;
    try { // Jackson closes the stream it reads to its end
      schema = new YAMLMapper().readTree(SchemaCheck.class.getResourceAsStream("/schema/workflow.yaml"));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot read the DSL's schema " + SCHEMA + " from the classpath", e);
    }
    if (ProcessSchemaPatch.apply(schema) != 3) {
      throw new IllegalStateException("the DSL's schema " + SCHEMA + " no longer has the shell, script and container"
          + " processes ProcessSchemaPatch expects; check the schema artifact's version");
    }
    if (McpSchemaPatch.apply(schema) != 1) {
      throw new IllegalStateException("the DSL's schema " + SCHEMA + " no longer has the call forms"
          + " McpSchemaPatch expects; check the schema artifact's version");
    }
    if (TaskDispatchPatch.apply(schema) != 12) {
      throw new IllegalStateException("the DSL's schema " + SCHEMA + " no longer has the twelve task kinds"
          + " TaskDispatchPatch expects; check the schema artifact's version");
    }
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
        b -> b.schemaMappers(m -> m.mapPrefix("https://serverlessworkflow.io/schemas/1.0.1/", "classpath:schema/")));
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
    return factory.getSchema(SchemaLocation.of(schema.path("$id").asText()), schema, config);
  }

  static List<Problem> check(JsonNode document) {
    List<SchemaMessages.Raw> raw = new ArrayList<>();
    for (ValidationMessage m : WORKFLOW_SCHEMA.validate(document)) {
      raw.add(new SchemaMessages.Raw(m.getInstanceLocation().toString(), m.getEvaluationPath().toString(), m.getType(), text(m)));
    }
    return SchemaMessages.reduce(raw);
  }

  private static String text(ValidationMessage m) {
    if (m.getType().equals("unevaluatedProperties") || m.getType().equals("additionalProperties")) {
      java.util.regex.Matcher p = java.util.regex.Pattern.compile("property '([^']*)'").matcher(m.getMessage());
      if (p.find()) {
        return "property '" + p.group(1) + "' is not allowed here";
      }
    }
    if (m.getType().equals("pattern")) {
      String pattern = String.valueOf(m.getArguments() == null || m.getArguments().length == 0 ? "" : m.getArguments()[0]);
      for (var known : PATTERNS.entrySet()) {
        if (pattern.startsWith(known.getKey())) {
          return known.getValue();
        }
      }
    }
    String text = m.getMessage();
    String at = m.getInstanceLocation().toString();
    if (text.startsWith(at + ": ")) {
      return text.substring(at.length() + 2);
    }
    return text.startsWith(": ") ? text.substring(2) : text;
  }
}
