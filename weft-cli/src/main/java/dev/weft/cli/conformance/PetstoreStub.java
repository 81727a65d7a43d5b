package dev.weft.cli.conformance;

import static dev.weft.cli.conformance.StubExchange.JSON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for {@code petstore.swagger.io}: the read operations of the Swagger 2.0 pet store the
 * CTK calls, with the real service's replies. {@code GET /v2/swagger.json} (the subset of its
 * document in {@code petstore-swagger.json}), {@code GET /v2/pet/findByStatus?status=...}
 * (the pets with any of those statuses), {@code GET /v2/pet/{petId}} (the pet, or 404 "Pet not
 * found"; a non-numeric id is 404 with the service's NumberFormatException message); any other
 * path is 404, as on the real service.
 */
final class PetstoreStub implements HttpHandler {
  private static final Pattern PET = Pattern.compile("/v2/pet/([^/]+)");
  private static final List<ObjectNode> PETS = List.of(
      pet(1, "doggie", "dogs", "available"),
      pet(2, "kitty", "cats", "available"),
      pet(3, "polly", "birds", "pending"),
      pet(4, "nemo", "fish", "sold"));

  @Override
  public void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    if (!ex.getRequestMethod().equals("GET")) {
      StubExchange.json(ex, 405, message(405, "unknown", "HTTP 405 Method Not Allowed"));
    } else if (path.equals("/v2/swagger.json")) {
      try (InputStream in = PetstoreStub.class.getResourceAsStream("petstore-swagger.json")) {
        StubExchange.send(ex, 200, "application/json", in.readAllBytes());
      }
    } else if (path.equals("/v2/pet/findByStatus")) {
      findByStatus(ex);
    } else if (PET.matcher(path).matches()) {
      Matcher m = PET.matcher(path);
      m.matches();
      byId(ex, m.group(1));
    } else {
      StubExchange.json(ex, 404, message(404, "unknown", "HTTP 404 Not Found"));
    }
  }

  private static void findByStatus(HttpExchange ex) throws IOException {
    List<String> wanted = StubExchange.query(ex).getOrDefault("status", List.of()).stream()
        .flatMap(s -> List.of(s.split(",")).stream()).toList();
    ArrayNode found = JSON.createArrayNode();
    PETS.stream().filter(p -> wanted.contains(p.get("status").asText())).forEach(found::add);
    StubExchange.json(ex, 200, found);
  }

  private static void byId(HttpExchange ex, String id) throws IOException {
    long n;
    try {
      n = Long.parseLong(id);
    } catch (NumberFormatException e) {
      StubExchange.json(ex, 404, message(404, "unknown", "java.lang.NumberFormatException: For input string: \"" + id + "\""));
      return;
    }
    for (ObjectNode p : PETS) {
      if (p.get("id").asLong() == n) {
        StubExchange.json(ex, 200, p);
        return;
      }
    }
    StubExchange.json(ex, 404, message(1, "error", "Pet not found"));
  }

  private static ObjectNode message(int code, String type, String message) {
    return JSON.createObjectNode().put("code", code).put("type", type).put("message", message);
  }

  private static ObjectNode pet(long id, String name, String category, String status) {
    ObjectNode p = JSON.createObjectNode().put("id", id);
    p.putObject("category").put("id", id).put("name", category);
    p.put("name", name);
    p.putArray("photoUrls").add("https://example.org/" + name + ".png");
    p.putArray("tags").addObject().put("id", id).put("name", "tag" + id);
    p.put("status", status);
    return p;
  }
}
