package dev.weft.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One endpoint: method and path (Javalin syntax, {@code {id}} for a path parameter), the access
 * it needs, and what the OpenAPI document says about it.
 *
 * @param body the request body's media types and JSON Schema, or null when it takes none
 * @param responses status code to a one-line description; every route also answers problem details
 */
public record ApiRoute(
    HandlerType method,
    String path,
    Access access,
    String summary,
    List<Param> params,
    RequestBody body,
    Map<Integer, String> responses,
    Handler handler) {

  /** A request body: the media types accepted and the schema of the JSON form. */
  public record RequestBody(List<String> mediaTypes, JsonNode schema) {}

  public ApiRoute {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(handler, "handler");
    params = List.copyOf(params);
    responses = Map.copyOf(responses);
  }

  /** The query parameters this route accepts; any other is a 400. */
  public List<String> queryNames() {
    return params.stream().filter(p -> p.in().equals("query")).map(Param::name).toList();
  }
}
