package dev.weft.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A java.net.http client on a server's loopback port; every answer read whole. */
public final class Http {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  /** Header name, value pairs sent with every request. */
  private final String[] always;

  public Http(int port) {
    this("http://127.0.0.1:" + port, new String[0]);
  }

  private Http(String base, String[] always) {
    this.base = base;
    this.always = always;
  }

  /** This client, sending also these header name, value pairs with every request. */
  public Http withHeaders(String... headers) {
    return new Http(base, headers);
  }

  /**
   * Joins an agent ({@code POST /api/v1/agent/join} with {@code body}, asserting a 200) and answers a
   * client that carries the node secret the join gave on every later call, as an agent does.
   */
  public Http joined(String token, String body) {
    Reply r = postJson("/api/v1/agent/join", token, body);
    if (r.status() != 200) {
      throw new AssertionError("join answered " + r.status() + ": " + r.text());
    }
    return withHeaders("Weft-Node-Secret", r.json().get("nodeSecret").asText());
  }

  /** An answer: status, Content-Type, the body as text and as JSON (null when it is not JSON). */
  public record Reply(int status, String contentType, String text, JsonNode json, HttpResponse<String> raw) {
    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  public Reply get(String path, String token) {
    return send(request(path, token).GET().build());
  }

  public Reply post(String path, String token, String contentType, String body) {
    return send(request(path, token).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  public Reply postJson(String path, String token, String body) {
    return post(path, token, "application/json", body);
  }

  public Reply send(String method, String path, String token, String contentType, String body, String... headers) {
    HttpRequest.Builder b = request(path, token).method(method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (headers.length > 0) {
      b.headers(headers);
    }
    return send(b.build());
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (always.length > 0) {
      b.headers(always);
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private Reply send(HttpRequest req) {
    try {
      HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
      String type = r.headers().firstValue("Content-Type").orElse("");
      JsonNode json = null;
      if (type.contains("json") && !r.body().isEmpty()) {
        json = JSON.readTree(r.body());
      }
      return new Reply(r.statusCode(), type, r.body(), json, r);
    } catch (IOException e) {
      throw new IllegalStateException(req.method() + " " + req.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
