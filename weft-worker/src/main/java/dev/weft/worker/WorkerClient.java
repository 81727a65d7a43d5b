package dev.weft.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import javax.net.ssl.SSLContext;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;

/** The worker protocol's requests ({@code /api/v1/worker/...}) over the JDK's HTTP client. */
final class WorkerClient implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http;
  private final URI base;
  private final String token;
  private final Duration timeout;

  /** The server answered with an error status; its problem detail is the message. */
  static final class RefusedException extends Exception {
    private final int status;

    RefusedException(int status, String message) {
      super(status + ": " + message);
      this.status = status;
    }

    int status() {
      return status;
    }
  }

  /** @param tls the trust for an {@code https} server's certificate; null: the JDK's default */
  WorkerClient(URI server, String token, Duration timeout, SSLContext tls) {
    HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
    this.http = (tls == null ? b : b.sslContext(tls)).build();
    String s = server.toString();
    this.base = URI.create((s.endsWith("/") ? s : s + "/") + "api/v1/worker/");
    this.token = token;
    this.timeout = timeout;
  }

  /** Leases up to {@code max} calls of {@code queues}, the server waiting up to {@code wait} for one. */
  ArrayNode poll(String worker, Collection<String> queues, int max, Duration wait)
      throws IOException, InterruptedException, RefusedException {
    ObjectNode body = JSON.createObjectNode().put("worker", worker).put("max", max).put("waitMillis", wait.toMillis());
    queues.forEach(body.putArray("queues")::add);
    JsonNode calls = post("poll", body).path("calls");
    return calls.isArray() ? (ArrayNode) calls : JSON.createArrayNode();
  }

  JsonNode post(String path, JsonNode body) throws IOException, InterruptedException, RefusedException {
    HttpRequest.Builder req = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (token != null) {
      req.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      String detail = r.body();
      try {
        detail = JSON.readTree(r.body()).path("detail").asText(r.body());
      } catch (IOException notJson) {
        // the body as it came
      }
      throw new RefusedException(r.statusCode(), detail);
    }
    return JSON.readTree(r.body());
  }

  @Override
  public void close() {
    http.close();
  }
}
