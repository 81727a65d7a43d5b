package dev.weft.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenAPI 3.1 document, generated from the route registry at each request, so a route
 * cannot be served without being described. Bodies and parameters carry their hand-written
 * JSON Schemas; every operation lists its problem answers.
 */
final class OpenApiDocument {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final RouteRegistry registry;

  OpenApiDocument(RouteRegistry registry) {
    this.registry = registry;
  }

  ApiRoute route() {
    return new ApiRoute(HandlerType.GET, ApiServer.OPENAPI_PATH, Access.PUBLIC, "This OpenAPI 3.1 document",
        List.of(), null, Map.of(200, "the document"), ctx -> Replies.json(ctx, 200, document()));
  }

  ObjectNode document() {
    ObjectNode doc = F.objectNode().put("openapi", "3.1.0");
    doc.putObject("info").put("title", "Weft API").put("version", "v1")
        .put("description", "Workflows, instances and (as they are added) jobs, tasks, nodes and queues of a Weft server.");
    ObjectNode paths = doc.putObject("paths");
    Map<String, ObjectNode> byPath = new TreeMap<>();
    for (ApiRoute r : registry.all()) {
      ObjectNode item = byPath.computeIfAbsent(openApiPath(r.path()), p -> F.objectNode());
      item.set(r.method().name().toLowerCase(Locale.ROOT), operation(r));
    }
    byPath.forEach(paths::set);
    ObjectNode components = doc.putObject("components");
    components.putObject("schemas").set("Problem", problemSchema());
    components.putObject("securitySchemes").putObject("bearer").put("type", "http").put("scheme", "bearer");
    return doc;
  }

  private static ObjectNode operation(ApiRoute r) {
    ObjectNode op = F.objectNode().put("summary", r.summary())
        .put("operationId", r.method().name().toLowerCase(Locale.ROOT) + r.path().replaceAll("[^A-Za-z0-9]+", "_"));
    op.put("x-weft-access", r.access().name().toLowerCase(Locale.ROOT));
    if (r.access() == Access.PUBLIC) {
      op.putArray("security");
    } else {
      op.putArray("security").addObject().putArray("bearer");
    }
    if (!r.params().isEmpty()) {
      var params = op.putArray("parameters");
      for (Param p : r.params()) {
        params.addObject().put("name", p.name()).put("in", p.in()).put("required", p.required())
            .put("description", p.description()).set("schema", p.schema());
      }
    }
    if (r.body() != null) {
      ObjectNode content = op.putObject("requestBody").put("required", true).putObject("content");
      for (String type : r.body().mediaTypes()) {
        content.putObject(type).set("schema", r.body().schema());
      }
    }
    ObjectNode responses = op.putObject("responses");
    new TreeMap<>(r.responses()).forEach((status, text) -> responses.putObject(status.toString()).put("description", text));
    ObjectNode problem = F.objectNode().put("description", "a problem detail (RFC 7807) naming what is wrong");
    problem.putObject("content").putObject(Problem.MEDIA_TYPE).set("schema", Schemas.ref("Problem"));
    responses.set("default", problem);
    return op;
  }

  private static JsonNode problemSchema() {
    ObjectNode error = Schemas.object(Map.of("pointer", Schemas.string(), "parameter", Schemas.string(),
        "message", Schemas.string()), "message");
    ObjectNode errors = F.objectNode().put("type", "array");
    errors.set("items", error);
    ObjectNode schema = Schemas.object(new TreeMap<>(Map.of("type", Schemas.string(), "title", Schemas.string(),
        "status", Schemas.integer(100, 599), "detail", Schemas.string(), "instance", Schemas.string(),
        "errors", errors)), "title", "status");
    schema.put("additionalProperties", true);
    return schema;
  }

  /** Javalin's {@code <id>} (a parameter that may hold slashes, as task ids do) is {@code {id}} in OpenAPI. */
  static String openApiPath(String javalinPath) {
    return javalinPath.replaceAll("<([^>]+)>", "{$1}");
  }
}
