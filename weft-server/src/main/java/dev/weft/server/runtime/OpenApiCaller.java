package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.weft.workflow.decide.Command;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code call: openapi}: fetches {@code document.endpoint} (JSON or YAML; kept per URI for the
 * life of the runtime), finds the operation whose {@code operationId} is asked for, builds the
 * request from {@code parameters} (see {@link OpenApiRequest}) and sends it through the
 * {@link HttpCaller}, so {@code output}, authentication, host redirects and the communication
 * fault on a status of 400 or more are those of {@code call: http}.
 */
final class OpenApiCaller {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final HttpCaller http;
  private final Map<String, JsonNode> documents = new ConcurrentHashMap<>();

  OpenApiCaller(HttpCaller http) {
    this.http = http;
  }

  JsonNode call(Command.CallOpenApi c) throws CommandFault {
    JsonNode with = c.with();
    JsonNode endpoint = with.path("document").path("endpoint");
    String uri = endpoint.isTextual() ? endpoint.asText() : endpoint.path("uri").asText();
    JsonNode document = document(uri, endpoint.path("authentication"), c.step());
    ObjectNode request = OpenApiRequest.build(document, uri, with, c.step());
    return http.call(new Command.CallHttp(c.id(), c.step(), request));
  }

  private JsonNode document(String uri, JsonNode authentication, String step) throws CommandFault {
    JsonNode known = documents.get(uri);
    if (known != null) {
      return known;
    }
    String text = http.fetch(uri, authentication.isMissingNode() ? null : authentication, step);
    JsonNode doc;
    try {
      doc = YAML.readTree(text); // YAML is a superset of JSON
    } catch (IOException e) {
      throw new CommandFault("configuration", 400, "Bad OpenAPI document", uri + " is neither JSON nor YAML: "
          + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), step);
    }
    if (doc == null || !doc.path("paths").isObject()) {
      throw new CommandFault("configuration", 400, "Bad OpenAPI document", uri + " has no 'paths' object", step);
    }
    documents.put(uri, doc);
    return doc;
  }
}
