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
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code call: http} with {@link HttpClient}: {@code method}, {@code endpoint} (a URI or
 * {@code {uri, authentication}}, see {@link Authenticator}), {@code headers}, {@code query},
 * {@code body} (JSON unless it is a string), {@code output} ({@code content}: the body, parsed
 * when it is JSON; {@code response}: request, status code, headers and content; {@code raw}:
 * the body in base64) and {@code redirect}. With {@code redirect: false} (the default) a
 * redirection is not followed and any status outside 200-299 is a {@code communication} fault
 * with that status; with {@code true} redirections are followed and a status outside 200-399
 * faults. No answer is a fault with status 503. Requests to hosts in the {@link HostRedirects}
 * go to their stand-ins; {@code request.uri} in a {@code response} output stays the URI the
 * workflow asked for.
 */
final class HttpCaller {
  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  private final HttpClient following;
  private final HttpClient notFollowing;
  private final Duration timeout;
  private final HostRedirects redirects;
  private final Authenticator authenticator;

  /** Requests to the hosts in {@code redirects} go to their stand-ins (see {@link HostRedirects}). */
  HttpCaller(Duration timeout, HostRedirects redirects) {
    this(timeout, redirects, System::currentTimeMillis, HttpCaller::cnonce);
  }

  /** With the clock that dates OAuth2 tokens and the source of digest client nonces. */
  HttpCaller(Duration timeout, HostRedirects redirects, java.util.function.LongSupplier clockMillis, Supplier<String> cnonces) {
    this.following = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    this.notFollowing = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    this.timeout = timeout;
    this.redirects = redirects;
    this.authenticator = new Authenticator(new OAuthTokens(notFollowing, timeout, redirects, clockMillis), cnonces);
  }

  JsonNode call(Command.CallHttp c) throws CommandFault {
    JsonNode with = c.with();
    String method = with.path("method").asText("get").toUpperCase(java.util.Locale.ROOT);
    JsonNode endpoint = with.path("endpoint");
    String uri = endpoint.isTextual() ? endpoint.asText() : endpoint.path("uri").asText();
    uri = withQuery(uri, with.path("query"));
    URI target;
    try {
      target = target(uri);
    } catch (IllegalArgumentException e) {
      throw new CommandFault("configuration", 400, "Bad endpoint", uri + ": " + e.getMessage(), c.step());
    }
    JsonNode body = with.get("body");
    boolean follow = with.path("redirect").asBoolean(false);
    byte[] sent = body == null || body.isNull() ? new byte[0]
        : (body.isTextual() ? body.asText() : body.toString()).getBytes(StandardCharsets.UTF_8);
    Function<String, HttpRequest> request = authorization -> {
      HttpRequest.Builder req = HttpRequest.newBuilder(target).timeout(timeout);
      with.path("headers").properties().forEach(h -> req.header(h.getKey(), h.getValue().asText()));
      withIdempotencyKey(req, with.path("headers"), c);
      if (authorization != null) {
        req.setHeader("Authorization", authorization);
      }
      HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
      if (body != null && !body.isNull()) {
        publisher = HttpRequest.BodyPublishers.ofByteArray(sent);
        if (!with.path("headers").has("Content-Type") && !with.path("headers").has("content-type")) {
          req.header("Content-Type", body.isTextual() ? "text/plain" : "application/json");
        }
      }
      return req.method(method, publisher).build();
    };
    HttpResponse<byte[]> response = exchange(request, sent, endpoint.path("authentication"), follow, method, uri,
        c.step(), HttpResponse.BodyHandlers.ofByteArray());
    String text = new String(response.body(), StandardCharsets.UTF_8);
    if (response.statusCode() >= (follow ? 400 : 300) || response.statusCode() < 200) {
      String location = response.headers().firstValue("Location").map(l -> " (Location: " + l + "; set redirect: true to follow)").orElse("");
      throw new CommandFault("communication", response.statusCode(), "HTTP " + response.statusCode(),
          method + " " + uri + location + (text.isBlank() ? "" : ": " + abbreviate(text)), c.step());
    }
    return switch (with.path("output").asText("content")) {
      case "raw" -> TextNode.valueOf(Base64.getEncoder().encodeToString(response.body()));
      case "response" -> responseObject(method, uri, with.path("headers"), response, content(text));
      default -> content(text);
    };
  }

  /**
   * Sends the request with the policy's authorization; a {@code 401} that the policy can answer
   * (a digest challenge, a refused OAuth2 token) is answered by sending it once more.
   */
  private <T> HttpResponse<T> exchange(Function<String, HttpRequest> request, byte[] body, JsonNode auth, boolean follow,
      String method, String uri, String step, HttpResponse.BodyHandler<T> handler) throws CommandFault {
    JsonNode policy = auth.isMissingNode() || auth.isNull() ? null : auth;
    String authorization = authenticator.first(policy, step);
    HttpRequest first = request.apply(authorization);
    HttpResponse<T> response = send(first, follow, method, uri, step, handler);
    String again = authenticator.retry(policy, response, authorization, method, first.uri(), body, step);
    return again == null ? response : send(request.apply(again), follow, method, uri, step, handler);
  }

  private <T> HttpResponse<T> send(HttpRequest req, boolean follow, String method, String uri, String step,
      HttpResponse.BodyHandler<T> handler) throws CommandFault {
    try {
      return (follow ? following : notFollowing).send(req, handler);
    } catch (IOException e) {
      throw new CommandFault("communication", 503, "Service unavailable", method + " " + uri + ": " + noAnswer(e), step);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFault("communication", 503, "Interrupted", method + " " + uri, step);
    }
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

  /** Why there was no answer, in words (no exception class names). */
  static String noAnswer(IOException e) {
    if (e instanceof java.net.http.HttpConnectTimeoutException || e instanceof java.net.http.HttpTimeoutException) {
      return "no answer within the timeout";
    }
    if (e instanceof java.net.ConnectException) {
      return e.getCause() instanceof java.nio.channels.UnresolvedAddressException ? "unknown host" : "connection refused";
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? "the connection failed" : m;
  }

  private static String cnonce() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return java.util.HexFormat.of().formatHex(b);
  }

  /** Where the request really goes: the endpoint, or its stand-in when its host is redirected. */
  private URI target(String uri) {
    return redirects.target(URI.create(uri));
  }

  /**
   * Fetches a document (an OpenAPI description, a JSON Schema) by GET, following redirections;
   * a status of 400 or more is a communication fault.
   */
  String fetch(String uri, JsonNode authentication, String step) throws CommandFault {
    URI target;
    try {
      target = target(uri);
    } catch (IllegalArgumentException e) {
      throw new CommandFault("configuration", 400, "Bad document endpoint", uri + ": " + e.getMessage(), step);
    }
    Function<String, HttpRequest> request = authorization -> {
      HttpRequest.Builder req = HttpRequest.newBuilder(target).timeout(timeout).GET();
      if (authorization != null) {
        req.header("Authorization", authorization);
      }
      return req.build();
    };
    HttpResponse<String> r = exchange(request, new byte[0], authentication == null ? JSON.missingNode() : authentication, true,
        "GET", uri, step, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (r.statusCode() >= 400) {
      throw new CommandFault("communication", r.statusCode(), "HTTP " + r.statusCode(), "GET " + uri, step);
    }
    return r.body();
  }

  /**
   * Sends what {@code request} builds (given the {@code Authorization} value, or null) with the
   * {@code authentication} policy answered as for a call, redirections not followed, and the
   * endpoint's stand-in when its host is redirected; any status is returned.
   */
  <T> HttpResponse<T> authorized(Function<String, HttpRequest> request, byte[] body, JsonNode authentication,
      String method, String uri, String step, HttpResponse.BodyHandler<T> handler) throws CommandFault {
    return exchange(request, body, authentication == null ? JSON.missingNode() : authentication, false, method, uri,
        step, handler);
  }

  /**
   * Where requests to {@code uri} go (its stand-in when its host is redirected), for a caller
   * that builds its own requests.
   *
   * @param pointer where the endpoint stands, for the fault
   * @throws CommandFault configuration 400 when {@code uri} is not an http(s) URI
   */
  URI httpTarget(String uri, String pointer) throws CommandFault {
    try {
      URI target = target(uri);
      if (!"http".equalsIgnoreCase(target.getScheme()) && !"https".equalsIgnoreCase(target.getScheme())) {
        throw new IllegalArgumentException("not an http(s) URI");
      }
      return target;
    } catch (IllegalArgumentException e) {
      throw new CommandFault("configuration", 400, "Bad endpoint", uri + ": " + e.getMessage(), pointer);
    }
  }

  /** The timeout of one exchange. */
  Duration timeout() {
    return timeout;
  }

  /** What a {@link #post} got back: the status, the {@code Content-Type} ("" when none) and the body as text. */
  record Reply(int status, String contentType, String body) {}

  /**
   * POSTs {@code body} with {@code headers} and the policy's authorization (a 401 the policy can
   * answer is answered as for {@link #call}), not following redirects. Any status is returned;
   * only no answer faults (communication 503), and a URI that is not http(s) (configuration 400).
   */
  Reply post(String uri, Map<String, String> headers, byte[] body, JsonNode authentication, String step) throws CommandFault {
    URI target = httpTarget(uri, step);
    Function<String, HttpRequest> request = authorization -> {
      HttpRequest.Builder req = HttpRequest.newBuilder(target).timeout(timeout).POST(HttpRequest.BodyPublishers.ofByteArray(body));
      headers.forEach(req::header);
      if (authorization != null) {
        req.setHeader("Authorization", authorization);
      }
      return req.build();
    };
    HttpResponse<String> r = authorized(request, body, authentication, "POST", uri, step,
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
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

  static String abbreviate(String s) {
    return s.length() <= 500 ? s.strip() : s.substring(0, 500) + "...";
  }
}
