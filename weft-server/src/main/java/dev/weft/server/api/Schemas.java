package dev.weft.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small builders for the hand-written JSON Schemas (2020-12) of bodies and parameters. */
public final class Schemas {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private Schemas() {}

  public static ObjectNode string() {
    return F.objectNode().put("type", "string");
  }

  public static ObjectNode integer(int min, int max) {
    return F.objectNode().put("type", "integer").put("minimum", min).put("maximum", max);
  }

  public static ObjectNode enumOf(Enum<?>[] values) {
    ObjectNode n = string();
    var list = n.putArray("enum");
    for (Enum<?> v : values) {
      list.add(v.name());
    }
    return n;
  }

  /** Any JSON value. */
  public static ObjectNode any() {
    return F.objectNode();
  }

  /** A closed object: {@code properties} given as name, schema pairs; {@code required} names. */
  public static ObjectNode object(java.util.Map<String, JsonNode> properties, String... required) {
    ObjectNode n = F.objectNode().put("type", "object");
    ObjectNode props = n.putObject("properties");
    properties.forEach(props::set);
    var req = n.putArray("required");
    for (String r : required) {
      req.add(r);
    }
    n.put("additionalProperties", false);
    return n;
  }

  /** A reference to a schema under {@code components/schemas}. */
  public static ObjectNode ref(String name) {
    return F.objectNode().put("$ref", "#/components/schemas/" + name);
  }
}
