package dev.weft.workflow.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a document against the DSL's JSON Schema (2020-12) as bundled in the official
 * {@code io.serverlessworkflow:serverlessworkflow-types} artifact ({@code schema/workflow.yaml}).
 */
final class SchemaCheck {
  private static final String SCHEMA = "classpath:schema/workflow.yaml";
  private static final JsonSchema WORKFLOW_SCHEMA = load();

  private SchemaCheck() {}

  private static JsonSchema load() {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
        b -> b.schemaMappers(m -> m.mapPrefix("https://serverlessworkflow.io/schemas/1.0.1/", "classpath:schema/")));
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
    return factory.getSchema(SchemaLocation.of(SCHEMA), config);
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
    String text = m.getMessage();
    String at = m.getInstanceLocation().toString();
    if (text.startsWith(at + ": ")) {
      return text.substring(at.length() + 2);
    }
    return text.startsWith(": ") ? text.substring(2) : text;
  }
}
