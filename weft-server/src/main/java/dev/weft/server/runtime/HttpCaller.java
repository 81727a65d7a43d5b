package dev.weft.server.runtime;

import static dev.weft.server.runtime.Snapshots.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.weft.workflow.decide.Command;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * {@code call: http} with {@link HttpClient}: {@code method}, {@code endpoint} (a URI or
 * {@code {uri, authentication: {basic: {username, password}} | {bearer: {token}}}}),
 * {@code headers}, {@code query}, {@code body} (JSON unless it is a string), {@code output}
 * ({@code content}: the body, parsed when it is JSON; {@code response}: request, status code,
 * headers and content; {@code raw}: the body in base64). A status of 400 or more, or no
 * answer, is a {@code communication} fault with that status (503 when there was no answer).
 * Requests to hosts in the {@link HostRedirects} go to their stand-ins; {@code request.uri} in
 * a {@code response} output stays the URI the workflow asked for.
 */
final class HttpCaller {
  private final HttpClient client;
  private final Duration timeout;
  private final HostRedirects redirects;

  /** Requests to the hosts in {@code redirects} go to their stand-ins (see {@link HostRedirects}). */
  HttpCaller(Duration timeout, HostRedirects redirects) {
    this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    this.timeout = timeout;
    this.redirects = redirects;
  }

  JsonNode call(Command.CallHttp c) throws CommandFault {
    JsonNode with = c.with();
    String method = with.path("method").asText("get").toUpperCase(java.util.Locale.ROOT);
    JsonNode endpoint = with.path("endpoint");
    String uri = endpoint.isTextual() ? endpoint.asText() : endpoint.path("uri").asText();
    uri = withQuery(uri, with.path("query"));
    HttpRequest.Builder req;
    try {
      req = HttpRequest.newBuilder(target(uri)).timeout(timeout);
    } catch (IllegalArgumentException e) {
      throw new CommandFault("configuration", 400, "Bad endpoint", uri + ": " + e.getMessage(), c.step());
    }
    with.path("headers").properties().forEach(h -> req.header(h.getKey(), h.getValue().asText()));
    withIdempotencyKey(req, with.path("headers"), c);
    authenticate(req, endpoint.path("authentication"), c.step());
    JsonNode body = with.get("body");
    HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
    if (body != null && !body.isNull()) {
      publisher = HttpRequest.BodyPublishers.ofString(body.isTextual() ? body.asText() : body.toString());
      if (!with.path("headers").has("Content-Type") && !with.path("headers").has("content-type")) {
        req.header("Content-Type", body.isTextual() ? "text/plain" : "application/json");
      }
    }
    req.method(method, publisher);
    HttpResponse<byte[]> response;
    try {
      response = client.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new CommandFault("communication", 503, "Service unavailable", method + " " + uri + ": " + e, c.step());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFault("communication", 503, "Interrupted", method + " " + uri, c.step());
    }
    String text = new String(response.body(), StandardCharsets.UTF_8);
    if (response.statusCode() >= 400) {
      throw new CommandFault("communication", response.statusCode(), "HTTP " + response.statusCode(),
          method + " " + uri + (text.isBlank() ? "" : ": " + abbreviate(text)), c.step());
    }
    return switch (with.path("output").asText("content")) {
      case "raw" -> TextNode.valueOf(Base64.getEncoder().encodeToString(response.body()));
      case "response" -> responseObject(method, uri, with.path("headers"), response, content(text));
      default -> content(text);
    };
  }

  /**
   * Sends the command's deterministic id as {@code Idempotency-Key} (unless the task sets that
   * header itself), so a call repeated after a crash can be recognised by the service.
   */
  private static void withIdempotencyKey(HttpRequest.Builder req, JsonNode headers, Command.CallHttp c) {
    if (headers.properties().stream().noneMatch(h -> h.getKey().equalsIgnoreCase("Idempotency-Key"))) {
      req.header("Idempotency-Key", c.id());
    }
  }

  private static void authenticate(HttpRequest.Builder req, JsonNode auth, String step) throws CommandFault {
    if (auth.isMissingNode() || auth.isNull()) {
      return;
    }
    if (auth.has("basic")) {
      String pair = auth.get("basic").path("username").asText() + ":" + auth.get("basic").path("password").asText();
      req.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    } else if (auth.has("bearer")) {
      req.header("Authorization", "Bearer " + auth.get("bearer").path("token").asText());
    } else {
      String scheme = auth.properties().stream().map(Map.Entry::getKey).findFirst().orElse("(none)");
      throw new CommandFault("configuration", 501, "Not supported",
          "authentication '" + scheme + "' is not supported; Weft sends basic and bearer (inline or by use.authentications)", step);
    }
  }

  /** Where the request really goes: the endpoint, or its stand-in when its host is redirected. */
  private URI target(String uri) {
    return redirects.target(URI.create(uri));
  }

  /** Fetches a document (an OpenAPI description) by GET; a status of 400 or more is a communication fault. */
  String fetch(String uri, JsonNode authentication, String step) throws CommandFault {
    HttpRequest.Builder req;
    try {
      req = HttpRequest.newBuilder(target(uri)).timeout(timeout).GET();
    } catch (IllegalArgumentException e) {
      throw new CommandFault("configuration", 400, "Bad document endpoint", uri + ": " + e.getMessage(), step);
    }
    authenticate(req, authentication == null ? JSON.missingNode() : authentication, step);
    try {
      HttpResponse<String> r = client.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (r.statusCode() >= 400) {
        throw new CommandFault("communication", r.statusCode(), "HTTP " + r.statusCode(), "GET " + uri, step);
      }
      return r.body();
    } catch (IOException e) {
      throw new CommandFault("communication", 503, "Service unavailable", "GET " + uri + ": " + e, step);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFault("communication", 503, "Interrupted", "GET " + uri, step);
    }
  }

  /** The URI with {@code query} appended; an array value repeats its name once per item ({@code a=1&a=2}). */
  private static String withQuery(String uri, JsonNode query) {
    if (!query.isObject() || query.isEmpty()) {
      return uri;
    }
    List<String> pairs = new java.util.ArrayList<>();
    for (Map.Entry<String, JsonNode> p : query.properties()) {
      for (JsonNode v : p.getValue().isArray() ? p.getValue() : List.of(p.getValue())) {
        pairs.add(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(v.isValueNode() ? v.asText() : v.toString(), StandardCharsets.UTF_8));
      }
    }
    return uri + (uri.contains("?") ? '&' : '?') + String.join("&", pairs);
  }

  private static JsonNode content(String text) {
    if (text.isBlank()) {
      return JSON.nullNode();
    }
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return TextNode.valueOf(text);
    }
  }

  private static JsonNode responseObject(String method, String uri, JsonNode reqHeaders,
      HttpResponse<byte[]> r, JsonNode content) {
    ObjectNode o = JSON.createObjectNode();
    ObjectNode request = o.putObject("request");
    request.put("method", method).put("uri", uri).set("headers", reqHeaders.isObject() ? reqHeaders : JSON.createObjectNode());
    o.put("statusCode", r.statusCode());
    ObjectNode headers = o.putObject("headers");
    r.headers().map().forEach((k, v) -> headers.put(k, String.join(", ", v)));
    o.set("content", content);
    return o;
  }

  private static String abbreviate(String s) {
    return s.length() <= 500 ? s.strip() : s.substring(0, 500) + "...";
  }
}
