package dev.weft.server.runtime;

import static dev.weft.server.runtime.Snapshots.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.workflow.expr.UriTemplate;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code call: http} arguments for one OpenAPI operation. The base URL is Swagger 2.0's
 * {@code schemes[0]://host basePath} (host defaulting to the document's own) or OpenAPI 3's
 * first {@code servers} URL (resolved against the document's URI). Each declared parameter is
 * taken from {@code parameters} by name: {@code in: path} fills {@code {name}} in the path,
 * {@code query} and {@code header} go where they say, Swagger's {@code in: body} is the body.
 * An OpenAPI 3 {@code requestBody} is {@code parameters.body} when given, else the parameters
 * no declared parameter took. A missing required parameter is a configuration fault.
 */
final class OpenApiRequest {
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private OpenApiRequest() {}

  static ObjectNode build(JsonNode doc, String documentUri, JsonNode with, String step) throws CommandFault {
    String operationId = with.path("operationId").asText();
    for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
      for (String method : METHODS) {
        JsonNode op = path.getValue().path(method);
        if (op.path("operationId").asText().equals(operationId) && !operationId.isEmpty()) {
          return request(doc, documentUri, path.getKey(), path.getValue(), method, op, with, step);
        }
      }
    }
    throw new CommandFault("configuration", 400, "Unknown operation",
        "the OpenAPI document " + documentUri + " has no operation with operationId '" + operationId + "'", step);
  }

  private static ObjectNode request(JsonNode doc, String documentUri, String pathTemplate, JsonNode pathItem, String method,
      JsonNode op, JsonNode with, String step) throws CommandFault {
    JsonNode given = with.path("parameters");
    ObjectNode pathValues = JSON.createObjectNode();
    ObjectNode query = JSON.createObjectNode();
    ObjectNode headers = JSON.createObjectNode();
    JsonNode body = null;
    Set<String> used = new HashSet<>();
    for (JsonNode p : declared(doc, pathItem, op)) {
      String name = p.path("name").asText();
      JsonNode value = given.get(name);
      if (value == null || value.isNull()) {
        if (p.path("required").asBoolean(false)) {
          throw new CommandFault("configuration", 400, "Missing parameter",
              "operation '" + op.path("operationId").asText() + "' needs parameter '" + name + "' (in " + p.path("in").asText() + ")", step);
        }
        continue;
      }
      used.add(name);
      switch (p.path("in").asText()) {
        case "path" -> pathValues.set(name, value);
        case "query" -> query.set(name, value);
        case "header" -> headers.put(name, value.isValueNode() ? value.asText() : value.toString());
        case "body" -> body = value;
        default -> used.remove(name); // cookie and formData parameters are not sent
      }
    }
    if (op.has("requestBody") && body == null) {
      body = given.has("body") ? given.get("body") : rest(given, used);
    }
    ObjectNode request = JSON.createObjectNode();
    request.put("method", method);
    ObjectNode endpoint = request.putObject("endpoint");
    endpoint.put("uri", baseUrl(doc, documentUri) + UriTemplate.expand(pathTemplate, pathValues));
    if (with.has("authentication")) {
      endpoint.set("authentication", with.get("authentication"));
    }
    if (!query.isEmpty()) {
      request.set("query", query);
    }
    if (!headers.isEmpty()) {
      request.set("headers", headers);
    }
    if (body != null) {
      request.set("body", body);
    }
    request.put("output", with.path("output").asText("content"));
    if (with.has("redirect")) {
      request.set("redirect", with.get("redirect"));
    }
    return request;
  }

  /** The operation's parameters and its path's, with {@code $ref}s to {@code #/parameters} or {@code #/components/parameters} followed. */
  private static List<JsonNode> declared(JsonNode doc, JsonNode pathItem, JsonNode op) {
    Map<String, JsonNode> byKey = new java.util.LinkedHashMap<>();
    for (JsonNode list : List.of(pathItem.path("parameters"), op.path("parameters"))) {
      for (JsonNode p : list) {
        JsonNode real = p.has("$ref") ? doc.at(p.get("$ref").asText().replaceFirst("^#", "")) : p;
        byKey.put(real.path("in").asText() + ":" + real.path("name").asText(), real);
      }
    }
    return List.copyOf(byKey.values());
  }

  private static JsonNode rest(JsonNode given, Set<String> used) {
    ObjectNode rest = JSON.createObjectNode();
    given.properties().forEach(e -> {
      if (!used.contains(e.getKey())) {
        rest.set(e.getKey(), e.getValue());
      }
    });
    return rest.isEmpty() ? null : rest;
  }

  private static String baseUrl(JsonNode doc, String documentUri) {
    URI docUri = URI.create(documentUri);
    if (doc.has("swagger")) {
      List<String> schemes = new java.util.ArrayList<>();
      doc.path("schemes").forEach(s -> schemes.add(s.asText().toLowerCase(Locale.ROOT)));
      String scheme = schemes.contains("https") ? "https" : schemes.isEmpty() ? docUri.getScheme() : schemes.getFirst();
      String host = doc.path("host").asText(docUri.getRawAuthority());
      return scheme + "://" + host + stripSlash(doc.path("basePath").asText(""));
    }
    String server = doc.path("servers").path(0).path("url").asText("/");
    return stripSlash(docUri.resolve(server).toString());
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
