package dev.weft.bench.tasks;

import dev.weft.agent.exec.Builtins;
import dev.weft.agent.exec.SuspendMethod;
import dev.weft.agent.exec.TaskCommand;
import dev.weft.agent.exec.TaskOutcome;
import dev.weft.agent.exec.TaskRunner;
import dev.weft.agent.exec.TaskStartException;
import dev.weft.agent.exec.WithBuiltins;
import dev.weft.agent.protocol.AgentLoop;
import dev.weft.agent.protocol.Heartbeats;
import dev.weft.agent.protocol.HttpAgentProtocol;
import dev.weft.agent.protocol.LoopSettings;
import dev.weft.agent.protocol.NodeInfo;
import dev.weft.model.Resources;
import dev.weft.model.TopologyPath;
import dev.weft.server.ServerSettings;
import dev.weft.server.WeftServer;
import dev.weft.server.api.ApiSettings;
import dev.weft.server.scheduling.SchedulingSettings;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A real {@link WeftServer} (API, agent protocol and scheduler loop with its default settings) on
 * PostgreSQL, listening on a free loopback port, and {@link #AGENTS} agents, each an
 * {@link AgentLoop} on its own thread in this JVM talking to the server over HTTP, exactly as
 * {@code weft agent} does. The agents run builtins only (the benchmark's tasks are
 * {@code run: {builtin: noop}}); a program is refused rather than started.
 */
final class WeftCluster implements AutoCloseable {
  static final int AGENTS = 4;
  /**
   * What each agent offers (declared, not probed: the agents share this machine): 8 cpus and 8 GiB,
   * so with the tasks' 10m cpu a node holds 800 of them at once and a batch is spread over the agents
   * (bin-packing fills one node before the next, and one agent alone is a queue of its own; 4x8 cpus
   * measured faster here than 4x32 and 8x4).
   */
  static final Resources CAPACITY = Resources.of(8_000, 8_192);
  /** Agent pacing: large batches, since a builtin no-op takes no slot for long. */
  static final LoopSettings LOOP = new LoopSettings(1000, 1000, Duration.ofSeconds(1), Duration.ofSeconds(5), 2000);
  private final WeftServer server;
  private final List<Thread> agents = new ArrayList<>();
  /** The agents' heartbeats, apart from their loops as in {@code weft agent}. */
  private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "bench-heartbeats");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean stopping;

  private WeftCluster(WeftServer server) {
    this.server = server;
  }

  static WeftCluster start(String databaseUrl) {
    WeftServer server = WeftServer.start(new ServerSettings(databaseUrl, ApiSettings.local(0), 2),
        SchedulingSettings.defaults("weft-bench"), List.of());
    WeftCluster cluster = new WeftCluster(server);
    for (int i = 0; i < AGENTS; i++) {
      cluster.startAgent("bench-agent-" + i, TopologyPath.parse("bench/zone-a/rack-" + (i % 2)));
    }
    return cluster;
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  static String settings() {
    return "server: scheduler round 1 s, defaults; " + AGENTS + " in-JVM agents over HTTP on loopback (8 cpus each),"
        + " poll batch " + LOOP.pollBatch() + ", report batch " + LOOP.reportBatch() + " changes; tasks: cpu 10m,"
        + " memory 1Mi, run: {builtin: noop}, jobs of " + WeftTasks.CHUNK;
  }

  private void startAgent(String name, TopologyPath topology) {
    AgentLoop loop = new AgentLoop(new HttpAgentProtocol(uri(), null, null),
        new WithBuiltins(Builtins.standard(), new ProgramsRefused()),
        new NodeInfo(name, CAPACITY, Map.of(), topology, null), LOOP, InstantSource.system());
    new Heartbeats(loop, LOOP.heartbeatEvery(), m -> { }).start(heartbeats);
    Thread t = new Thread(() -> loop.runUntil(() -> stopping, WeftCluster::pause), name);
    t.setDaemon(true);
    t.start();
    agents.add(t);
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stopping = true;
    heartbeats.shutdownNow();
    for (Thread t : agents) {
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    server.close();
  }

  /** The bench agents' process runner: they are given builtins only, so a program is a mistake, said plainly. */
  private static final class ProgramsRefused implements TaskRunner {
    @Override
    public CompletableFuture<TaskOutcome> launch(TaskCommand command) {
      throw new TaskStartException("task " + command.taskId() + ": the benchmark's agents run builtins only", null);
    }

    @Override
    public boolean kill(String taskId, String why) {
      return false;
    }

    @Override
    public Optional<SuspendMethod> suspend(String taskId) {
      return Optional.empty();
    }

    @Override
    public boolean resume(String taskId) {
      return false;
    }

    @Override
    public Set<String> running() {
      return Set.of();
    }
  }
}
