package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a fetched JSON Schema against its draft's meta-schema (the one its {@code $schema}
 * names, else the one of the {@code format} version, else 2020-12). The meta-schemas are those
 * the validator library ships; nothing is fetched.
 */
final class MetaSchemas {
  private static final Map<String, String> BY_VERSION = Map.of(
      "draft-04", "http://json-schema.org/draft-04/schema#", "draft-06", "http://json-schema.org/draft-06/schema#",
      "draft-07", "http://json-schema.org/draft-07/schema#", "2019-09", "https://json-schema.org/draft/2019-09/schema",
      "2020-12", "https://json-schema.org/draft/2020-12/schema");
  private static final Map<String, JsonSchema> COMPILED = new ConcurrentHashMap<>();

  private MetaSchemas() {}

  /**
   * @throws IllegalArgumentException naming the first places where the schema breaks its meta-schema
   */
  static void check(String format, JsonNode schema) {
    String[] parts = format.split(":", 2);
    String meta = schema.path("$schema").isTextual() && BY_VERSION.containsValue(schema.get("$schema").asText())
        ? schema.get("$schema").asText() : BY_VERSION.getOrDefault(parts.length == 2 ? parts[1] : "2020-12", BY_VERSION.get("2020-12"));
    JsonSchema metaSchema = COMPILED.computeIfAbsent(meta, m -> JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(SchemaLocation.of(m)));
    Set<ValidationMessage> broken = metaSchema.validate(schema);
    if (!broken.isEmpty()) {
      throw new IllegalArgumentException("not a valid JSON Schema (" + meta + "): "
          + String.join("; ", broken.stream().limit(3).map(ValidationMessage::getMessage).sorted().toList()));
    }
  }
}
