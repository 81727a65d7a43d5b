package dev.weft.server.runtime;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A catalog on a loopback HTTP server: function definitions under {@code /catalog} behind basic
 * authentication ({@code weft} / {@code s3cret}), other documents (schemas) open; counts requests.
 */
public final class CatalogServer implements AutoCloseable {
  public static final String USER = "weft";
  public static final String PASSWORD = "s3cret";
  private static final String AUTHORIZATION = "Basic " + Base64.getEncoder()
      .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

  private final HttpServer server;
  private final Map<String, String> served = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();

  public CatalogServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", ex -> {
      requests.incrementAndGet();
      String path = ex.getRequestURI().getPath();
      boolean allowed = !path.startsWith("/catalog/") || AUTHORIZATION.equals(ex.getRequestHeaders().getFirst("Authorization"));
      String body = allowed ? served.get(path) : null;
      int status = !allowed ? 401 : body == null ? 404 : 200;
      byte[] bytes = (body == null ? "no" : body).getBytes(StandardCharsets.UTF_8);
      if (!allowed) {
        ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"catalog\"");
      }
      ex.sendResponseHeaders(status, bytes.length);
      ex.getResponseBody().write(bytes);
      ex.close();
    });
    server.start();
  }

  /** Serves {@code yaml} as the definition of {@code name:version}. */
  public CatalogServer function(String name, String version, String yaml) {
    served.put("/catalog/functions/" + name + "/" + version + "/function.yaml", yaml);
    return this;
  }

  /** Serves {@code body} at {@code path}, without authentication. */
  public CatalogServer document(String path, String body) {
    served.put(path, body);
    return this;
  }

  /** The catalog's endpoint. */
  public String endpoint() {
    return base() + "/catalog";
  }

  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** How many requests arrived. */
  public int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
