package dev.weft.cli.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An idempotent service on loopback, as a payment API would be: the first request with an
 * {@code Idempotency-Key} is applied (kept with its path and answer); a request repeating a key
 * gets the kept answer and is a duplicate delivery, applied nothing. It answers
 * {@code {"order": <body.order>, "step": <path without />}}; a request without a key gets 400.
 */
final class IdempotentService implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the first request of a key applied, and how often the key arrived. */
  record Applied(String path, AtomicInteger deliveries, byte[] answer) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(8);
  final Map<String, Applied> byKey = new ConcurrentHashMap<>();
  final AtomicInteger requests = new AtomicInteger();
  final AtomicInteger withoutKey = new AtomicInteger();

  IdempotentService() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Requests beyond the first of each key: what the idempotency keys absorbed. */
  int duplicateDeliveries() {
    return requests.get() - withoutKey.get() - byKey.size();
  }

  long appliedOn(String path) {
    return byKey.values().stream().filter(a -> a.path().equals(path)).count();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      requests.incrementAndGet();
      String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
      JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
      String path = ex.getRequestURI().getPath();
      if (key == null) {
        withoutKey.incrementAndGet();
        reply(ex, 400, "{\"error\":\"Idempotency-Key required\"}".getBytes(StandardCharsets.UTF_8));
        return;
      }
      Applied a = byKey.computeIfAbsent(key, k -> new Applied(path, new AtomicInteger(), answer(body, path)));
      a.deliveries().incrementAndGet();
      reply(ex, 200, a.answer());
    } catch (IOException callerGone) {
      // the caller died before hearing back (the server was killed): the key is kept all the same
    }
  }

  private static byte[] answer(JsonNode body, String path) {
    var o = JSON.createObjectNode();
    o.set("order", body == null ? null : body.path("order"));
    o.put("step", path.substring(1));
    return o.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void reply(HttpExchange ex, int status, byte[] bytes) throws IOException {
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
