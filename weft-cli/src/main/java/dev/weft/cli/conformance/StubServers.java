package dev.weft.cli.conformance;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.weft.server.runtime.HostRedirects;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The stand-ins for the services the CTK calls, each an HTTP server on its own loopback port
 * (a free one), and the {@link HostRedirects} that send the real hosts' requests to them.
 */
public final class StubServers implements AutoCloseable {
  private final List<HttpServer> servers;
  private final ExecutorService executor;
  private final HostRedirects redirects;

  private StubServers(List<HttpServer> servers, ExecutorService executor, HostRedirects redirects) {
    this.servers = servers;
    this.executor = executor;
    this.redirects = redirects;
  }

  /** Starts the petstore ({@code petstore.swagger.io}) and httpbin ({@code httpbin.org}) stand-ins. */
  public static StubServers start() throws IOException {
    Map<String, HttpHandler> services = new LinkedHashMap<>();
    services.put("petstore.swagger.io", new PetstoreStub());
    services.put("httpbin.org", new HttpbinStub());
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    List<HttpServer> servers = new java.util.ArrayList<>();
    Map<String, String> hosts = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, HttpHandler> s : services.entrySet()) {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", s.getValue());
        server.setExecutor(executor);
        server.start();
        servers.add(server);
        hosts.put(s.getKey(), "127.0.0.1:" + server.getAddress().getPort());
      }
    } catch (IOException e) {
      servers.forEach(x -> x.stop(0));
      executor.shutdownNow();
      throw e;
    }
    return new StubServers(List.copyOf(servers), executor, new HostRedirects(hosts));
  }

  /** {@code host -> 127.0.0.1:port} for each stand-in. */
  public HostRedirects redirects() {
    return redirects;
  }

  @Override
  public void close() {
    servers.forEach(s -> s.stop(0));
    executor.shutdownNow();
  }
}
