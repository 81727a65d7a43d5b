package dev.weft.cli.conformance;

import static dev.weft.cli.conformance.StubExchange.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stands in for {@code httpbin.org}, answering as it does: {@code /basic-auth/{user}/{passwd}}
 * (200 {@code {authenticated, user}} with matching basic credentials, else 401 with a
 * {@code WWW-Authenticate} challenge), {@code /bearer} (200 {@code {authenticated, token}} or
 * 401), {@code /status/{code}}, {@code /headers}, and the echo endpoints {@code /get},
 * {@code /post}, {@code /put}, {@code /patch}, {@code /delete}, {@code /anything[/...]}
 * ({@code args}, {@code headers}, {@code url}, {@code origin}, and for bodies {@code data} and
 * {@code json}); a method an echo endpoint does not take is 405, an unknown path 404.
 */
final class HttpbinStub implements HttpHandler {
  private static final Map<String, String> ECHO_METHODS = Map.of("/get", "GET", "/post", "POST", "/put", "PUT",
      "/patch", "PATCH", "/delete", "DELETE");

  @Override
  public void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String[] parts = path.split("/");
    if (path.startsWith("/basic-auth/") && parts.length == 4) {
      basicAuth(ex, parts[2], parts[3]);
    } else if (path.equals("/bearer")) {
      bearer(ex);
    } else if (path.startsWith("/status/") && parts.length == 3) {
      status(ex, parts[2]);
    } else if (path.equals("/headers")) {
      StubExchange.json(ex, 200, JSON.createObjectNode().set("headers", headers(ex)));
    } else if (ECHO_METHODS.containsKey(path)) {
      if (!ECHO_METHODS.get(path).equals(ex.getRequestMethod())) {
        StubExchange.send(ex, 405, "text/html", "<h1>Method Not Allowed</h1>".getBytes(StandardCharsets.UTF_8));
      } else {
        StubExchange.json(ex, 200, echo(ex));
      }
    } else if (path.equals("/anything") || path.startsWith("/anything/")) {
      StubExchange.json(ex, 200, echo(ex).put("method", ex.getRequestMethod()));
    } else {
      StubExchange.send(ex, 404, "text/html", "<h1>Not Found</h1>".getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void basicAuth(HttpExchange ex, String user, String password) throws IOException {
    String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    if (expected.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
      StubExchange.json(ex, 200, JSON.createObjectNode().put("authenticated", true).put("user", user));
    } else {
      ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Fake Realm\"");
      StubExchange.send(ex, 401, null, new byte[0]);
    }
  }

  private static void bearer(HttpExchange ex) throws IOException {
    String auth = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
    if (auth.startsWith("Bearer ") && auth.length() > "Bearer ".length()) {
      StubExchange.json(ex, 200, JSON.createObjectNode().put("authenticated", true).put("token", auth.substring(7)));
    } else {
      ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
      StubExchange.send(ex, 401, null, new byte[0]);
    }
  }

  private static void status(HttpExchange ex, String code) throws IOException {
    int status;
    try {
      status = Integer.parseInt(code.split(",")[0]);
    } catch (NumberFormatException e) {
      StubExchange.send(ex, 400, "text/plain", "Invalid status code".getBytes(StandardCharsets.UTF_8));
      return;
    }
    StubExchange.send(ex, status, "text/html; charset=utf-8", new byte[0]);
  }

  private static ObjectNode echo(HttpExchange ex) throws IOException {
    ObjectNode out = JSON.createObjectNode();
    ObjectNode args = out.putObject("args");
    StubExchange.query(ex).forEach((k, v) -> {
      if (v.size() == 1) {
        args.put(k, v.getFirst());
      } else {
        v.forEach(args.withArray(k)::add);
      }
    });
    if (Set.of("POST", "PUT", "PATCH", "DELETE").contains(ex.getRequestMethod())) {
      String body = StubExchange.body(ex);
      out.put("data", body);
      out.putObject("files");
      out.putObject("form");
      out.set("json", parsed(body));
    }
    out.set("headers", headers(ex));
    out.put("origin", ex.getRemoteAddress().getAddress().getHostAddress());
    String host = String.valueOf(ex.getRequestHeaders().getFirst("Host"));
    out.put("url", "https://" + host + ex.getRequestURI());
    return out;
  }

  private static JsonNode parsed(String body) {
    try {
      return body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
    } catch (IOException e) {
      return JSON.nullNode();
    }
  }

  private static ObjectNode headers(HttpExchange ex) {
    ObjectNode h = JSON.createObjectNode();
    ex.getRequestHeaders().forEach((k, v) -> h.put(canonical(k), String.join(",", v)));
    return h;
  }

  private static String canonical(String name) {
    StringBuilder b = new StringBuilder();
    for (String part : List.of(name.toLowerCase(java.util.Locale.ROOT).split("-"))) {
      if (!b.isEmpty()) {
        b.append('-');
      }
      b.append(part.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
    }
    return b.toString();
  }
}
