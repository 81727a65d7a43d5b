package dev.weft.server.runtime;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback, port 0, that counts calls per path and records requests.
 * {@code /fail} always answers 500, {@code /flaky} answers 500 the first time only.
 */
final class LocalHttp implements AutoCloseable {
  record Seen(String method, String uri, String authorization, String body) {}

  final HttpServer server;
  final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  final List<Seen> seen = new CopyOnWriteArrayList<>();
  /** Runs before each reply is sent (tests use it to pull the store away mid-call). */
  volatile Runnable beforeReply = () -> { };

  LocalHttp() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      String path = ex.getRequestURI().getPath();
      calls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      seen.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().toString(),
          ex.getRequestHeaders().getFirst("Authorization"), body));
      int status = path.startsWith("/fail") || path.startsWith("/flaky") && calls.get(path).get() == 1 ? 500 : 200;
      String reply = switch (path) {
        case "/fail" -> "boom";
        case "/flaky" -> calls.get(path).get() == 1 ? "first call fails" : "{\"n\":" + calls.get(path).get() + "}";
        case "/echo" -> body.isEmpty() ? "{}" : body;
        default -> "{\"path\":\"" + path + "\",\"n\":" + calls.get(path).get() + "}";
      };
      beforeReply.run();
      byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "text/plain");
      ex.sendResponseHeaders(status, bytes.length);
      ex.getResponseBody().write(bytes);
      ex.close();
    });
    server.start();
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  int count(String path) {
    AtomicInteger n = calls.get(path);
    return n == null ? 0 : n.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
