package dev.weft.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.cli.client.ApiClient;
import dev.weft.server.ServerSettings;
import dev.weft.server.WeftServer;
import dev.weft.server.api.ApiSettings;
import dev.weft.server.api.Bodies;
import dev.weft.server.api.auth.Tokens;
import dev.weft.server.scheduling.SchedulingSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The demo's cluster: a {@link WeftServer} in this JVM (H2 under the data directory, loopback,
 * no tokens, as the embedded server runs) and one {@link AgentChild} per {@link DemoNode}.
 * {@link #close} stops the agents (and their tasks) first, then the server; it is safe to call
 * twice, from the shutdown hook and from the normal end.
 */
final class DemoCluster implements AutoCloseable {
  /** A node silent this long is down; agents heartbeat every second, so a preempted task stops within about one. */
  private static final Duration NODE_TIMEOUT = Duration.ofSeconds(6);
  private final WeftServer server;
  private final List<AgentChild> agents = new ArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  private DemoCluster(WeftServer server) {
    this.server = server;
  }

  /** Starts the server on {@code port} (0: a free one) with its database under {@code data}. */
  static DemoCluster start(Path data, int port) {
    String url = "jdbc:h2:file:" + data.toAbsolutePath().resolve("weft");
    ServerSettings settings = new ServerSettings(url, new ApiSettings("127.0.0.1", port, Tokens.none(),
        Bodies.DEFAULT_LIMIT), 4);
    String holder = ProcessHandle.current().pid() + "@demo/" + UUID.randomUUID().toString().substring(0, 8);
    return new DemoCluster(WeftServer.start(settings, SchedulingSettings.withNodeTimeout(holder, NODE_TIMEOUT),
        List.of()));
  }

  String url() {
    return "http://127.0.0.1:" + server.port();
  }

  /** Starts one agent per node, their files under {@code dir}. */
  void startAgents(List<DemoNode> nodes, Path dir) throws IOException {
    synchronized (agents) {
      for (DemoNode n : nodes) {
        if (!closed.get()) { // Ctrl-C while they start: start no more
          agents.add(AgentChild.start(n, url(), dir));
        }
      }
    }
  }

  /**
   * Waits until every agent's node is UP on the server ({@code GET /api/v1/nodes}).
   *
   * @throws DemoFailedException naming the agent and its output when one exits or {@code max} passes
   */
  void awaitNodes(ApiClient api, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (true) {
      Set<String> up = new HashSet<>();
      for (JsonNode n : api.get("/api/v1/nodes").path("items")) {
        if ("UP".equals(n.path("state").asText())) {
          up.add(n.path("id").asText());
        }
      }
      List<AgentChild> missing = agents.stream().filter(a -> !up.contains(a.node().name())).toList();
      if (missing.isEmpty()) {
        return;
      }
      for (AgentChild a : missing) {
        if (!a.alive() || System.nanoTime() > deadline) {
          throw new DemoFailedException("agent " + a.node().name() + " did not join ("
              + (a.alive() ? "still starting after " + max.toSeconds() + " s" : "it exited") + "); its output:\n"
              + a.output());
        }
      }
      Thread.sleep(200);
    }
  }

  /** Stops the agents (and their tasks), then the server; the first call does it, later ones return at once. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    synchronized (agents) {
      agents.parallelStream().forEach(AgentChild::stop);
    }
    server.close();
  }
}
