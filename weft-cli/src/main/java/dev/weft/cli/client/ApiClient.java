package dev.weft.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.cli.ClientTls;
import dev.weft.cli.UsageException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

/**
 * Calls the server's API. A 2xx answer is returned as JSON; a problem detail becomes a
 * {@link ServerRefusedException} whose message is one line: status, title, detail and the first
 * field or parameter it names.
 */
public final class ApiClient {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final URI base;
  private final String token;
  private final HttpClient http;

  public ApiClient(String server, String token) {
    this(server, token, null);
  }

  /** @param tls the trust for an {@code https} server's certificate ({@link ClientTls}); null: the JDK's default */
  public ApiClient(String server, String token, SSLContext tls) {
    HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
    this.http = (tls == null ? b : b.sslContext(tls)).build();
    String s = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
    try {
      this.base = URI.create(s);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--server: not a URL: " + server);
    }
    if (base.getScheme() == null || !(base.getScheme().equals("http") || base.getScheme().equals("https"))
        || base.getHost() == null) {
      throw new UsageException("--server: expected http://HOST:PORT, got " + server);
    }
    this.token = token == null || token.isBlank() ? null : token.strip();
  }

  /** A path segment with every reserved character encoded; slashes are kept (task ids hold them). */
  public static String id(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
  }

  static String query(String name, String value) {
    return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  public JsonNode get(String path) {
    return send(request(path).GET());
  }

  /** A GET whose answer may take up to {@code timeout} (a long poll), instead of the usual limit. */
  public JsonNode get(String path, Duration timeout) {
    return send(request(path).timeout(timeout).GET());
  }

  public JsonNode post(String path, String contentType, String body) {
    HttpRequest.Builder b = request(path);
    if (body == null) {
      return send(b.POST(HttpRequest.BodyPublishers.noBody()));
    }
    return send(b.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  JsonNode postWithKey(String path, String json, String idempotencyKey) {
    return send(request(path).header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public JsonNode put(String path, String contentType, String body) {
    return send(request(path).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
        .header("Accept", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  /** How many times a request answered 429 (the server's rate limit) is sent again, after its Retry-After. */
  static final int RATE_LIMIT_RETRIES = 3;
  /** The longest Retry-After waited out; a longer one is reported at once. */
  static final Duration LONGEST_RETRY_AFTER = Duration.ofSeconds(10);

  /**
   * Sends the request; one answered 429 (not carried out: the caller's rate limit) is sent again
   * after its {@code Retry-After}, up to {@link #RATE_LIMIT_RETRIES} times, as Kubernetes' clients do.
   */
  private JsonNode send(HttpRequest.Builder b) {
    HttpRequest req = b.build();
    for (int tried = 0; ; tried++) {
      HttpResponse<String> r = exchange(req);
      long wait = r.statusCode() == 429 ? r.headers().firstValueAsLong("Retry-After").orElse(-1) : -1;
      if (wait < 0 || tried == RATE_LIMIT_RETRIES || wait > LONGEST_RETRY_AFTER.toSeconds()) {
        return answer(req, r);
      }
      try {
        Thread.sleep(Math.max(1, wait) * 1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return answer(req, r);
      }
    }
  }

  private HttpResponse<String> exchange(HttpRequest req) {
    HttpResponse<String> r;
    try {
      r = http.send(req, HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new ServerUnreachableException("cannot reach the server at " + base + " (connection refused); start it with "
          + "'weft server' or give --server / WEFT_SERVER");
    } catch (SSLHandshakeException e) {
      if (ClientTls.refusedClient(e)) {
        throw new ServerUnreachableException("cannot reach the server at " + base + ": it refused this client's"
            + " certificate or the lack of one (" + e.getMessage() + "); " + ClientTls.CLIENT_HINT);
      }
      throw new ServerUnreachableException("cannot reach the server at " + base + ": its certificate is not trusted ("
          + e.getMessage() + "); " + ClientTls.HINT);
    } catch (IOException e) {
      if ("http".equals(base.getScheme()) && e.getMessage() != null
          && (e.getMessage().contains("received no bytes") || e.getMessage().contains("status line"))) {
        throw new ServerUnreachableException("cannot reach the server at " + base + ": it did not answer in HTTP ("
            + e.getMessage() + "); if it serves HTTPS (weft server --tls-cert), use https://");
      }
      throw new ServerUnreachableException("cannot reach the server at " + base + " (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerRefusedException("interrupted while waiting for " + base);
    }
    return r;
  }

  private JsonNode answer(HttpRequest req, HttpResponse<String> r) {
    JsonNode body = parse(r.body());
    if (r.statusCode() / 100 == 2) {
      return body;
    }
    String line = problemLine(req.method() + " " + req.uri().getPath(), r.statusCode(), body);
    throw r.statusCode() >= 500 ? new ServerUnreachableException(line) : new ServerRefusedException(line);
  }

  private static JsonNode parse(String text) {
    if (text == null || text.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return JSON.getNodeFactory().textNode(text);
    }
  }

  /** {@code 409 Conflict: cannot cancel ... [/pointer: message]}. */
  static String problemLine(String request, int status, JsonNode p) {
    StringBuilder b = new StringBuilder().append(status);
    String title = p.path("title").asText("");
    String detail = p.path("detail").asText("");
    if (!title.isEmpty()) {
      b.append(' ').append(title);
    }
    if (!detail.isEmpty()) {
      b.append(": ").append(firstLine(detail));
    } else if (p.isTextual()) {
      b.append(": ").append(firstLine(p.asText()));
    }
    JsonNode first = p.path("errors").path(0);
    if (first.isObject()) {
      String place = first.hasNonNull("pointer") ? first.path("pointer").asText()
          : first.hasNonNull("parameter") ? "parameter " + first.path("parameter").asText() : "";
      String msg = first.path("message").asText("");
      if (!msg.isEmpty() && !detail.contains(msg)) {
        b.append(" [").append(place.isEmpty() ? "" : place + ": ").append(firstLine(msg)).append(']');
      } else if (!place.isEmpty()) {
        b.append(" [at ").append(place).append(']');
      }
      int more = p.path("errors").size() - 1;
      if (more > 0) {
        b.append(" (and ").append(more).append(" more)");
      }
    }
    return b.append(" (").append(request).append(')').toString();
  }

  private static String firstLine(String s) {
    String m = s.strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
