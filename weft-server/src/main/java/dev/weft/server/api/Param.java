package dev.weft.server.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A path, query or header parameter of a route, as the OpenAPI document describes it and as
 * {@link QueryParams} checks it.
 *
 * @param in {@code path}, {@code query} or {@code header}
 * @param schema its JSON Schema
 */
public record Param(String name, String in, boolean required, JsonNode schema, String description) {
  public static Param path(String name, String description) {
    return new Param(name, "path", true, Schemas.string(), description);
  }

  public static Param query(String name, JsonNode schema, String description) {
    return new Param(name, "query", false, schema, description);
  }

  public static Param header(String name, String description) {
    return new Param(name, "header", false, Schemas.string(), description);
  }
}
