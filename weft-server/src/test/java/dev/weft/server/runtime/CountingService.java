package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An idempotent service on loopback, as a payment API would be: the first request with an
 * {@code Idempotency-Key} is applied (counted for its path) and its answer kept; a request
 * repeating a key gets the kept answer and is counted as a duplicate delivery, applied nothing.
 * It answers {@code {"order": <body.order>, "step": <path without />}} after {@code delayMillis}.
 * A test can {@link #hold} the answers to one order: such a request is applied, then its answer
 * waits until {@link #release()}, as if the caller died before hearing back.
 */
public final class CountingService implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One key's story: the path it was first applied on, how often it arrived, the kept answer. */
  public record Applied(String path, AtomicInteger deliveries, byte[] answer) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(16);
  private final int delayMillis;
  public final Map<String, Applied> byKey = new ConcurrentHashMap<>();
  public final AtomicInteger requests = new AtomicInteger();
  public final AtomicInteger withoutKey = new AtomicInteger();
  private volatile int heldOrder = -1;
  private final CountDownLatch heldArrived = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);

  public CountingService(int delayMillis) throws IOException {
    this.delayMillis = delayMillis;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Answers to requests for {@code order} wait until {@link #release()}. */
  void hold(int order) {
    heldOrder = order;
  }

  /** Waits until a held request has arrived (and been applied). */
  boolean awaitHeld(long timeout, TimeUnit unit) throws InterruptedException {
    return heldArrived.await(timeout, unit);
  }

  void release() {
    released.countDown();
  }

  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Requests beyond the first of each key: what the idempotency keys absorbed. */
  public int duplicateDeliveries() {
    return requests.get() - withoutKey.get() - byKey.size();
  }

  public long appliedOn(String path) {
    return byKey.values().stream().filter(a -> a.path().equals(path)).count();
  }

  private void handle(HttpExchange ex) throws IOException {
    requests.incrementAndGet();
    String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
    JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
    String path = ex.getRequestURI().getPath();
    pause();
    if (key == null) {
      withoutKey.incrementAndGet();
      reply(ex, 400, "{\"error\":\"Idempotency-Key required\"}".getBytes(StandardCharsets.UTF_8));
      return;
    }
    Applied a = byKey.computeIfAbsent(key, k -> new Applied(path, new AtomicInteger(), answer(body, path)));
    a.deliveries().incrementAndGet();
    if (body != null && body.path("order").asInt(-2) == heldOrder && released.getCount() > 0) {
      heldArrived.countDown();
      awaitRelease();
    }
    try {
      reply(ex, 200, a.answer());
    } catch (IOException callerGone) {
      ex.close();
    }
  }

  private static byte[] answer(JsonNode body, String path) {
    ObjectNode o = JSON.createObjectNode();
    o.set("order", body == null ? null : body.path("order"));
    o.put("step", path.substring(1));
    return o.toString().getBytes(StandardCharsets.UTF_8);
  }

  private void awaitRelease() {
    try {
      released.await(5, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void pause() {
    try {
      Thread.sleep(delayMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void reply(HttpExchange ex, int status, byte[] bytes) throws IOException {
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  @Override
  public void close() {
    release();
    server.stop(0);
    threads.shutdownNow();
  }
}
