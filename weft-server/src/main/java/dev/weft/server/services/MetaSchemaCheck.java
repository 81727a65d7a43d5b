package dev.weft.server.services;

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
 * Checks a contract schema against the JSON Schema 2020-12 meta-schema (bundled with the validator,
 * read from its jar, never fetched), so a schema like {@code {type: 12}} is refused when the
 * service is registered rather than when it is first called.
 */
final class MetaSchemaCheck {
  private static final JsonSchema META = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
      .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"),
          SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build());

  private MetaSchemaCheck() {}

  /** The problems of {@code schema}, each under {@code at} plus its pointer into the schema. */
  static List<ServiceProblem> problems(JsonNode schema, String at) {
    List<ServiceProblem> out = new ArrayList<>();
    for (ValidationMessage m : META.validate(schema)) {
      String where = m.getInstanceLocation().toString();
      String text = m.getMessage();
      out.add(new ServiceProblem(at + where, text.startsWith(where + ": ") ? text.substring(where.length() + 2) : text));
    }
    return out;
  }
}
