package dev.weft.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.cli.UsageException;
import dev.weft.cli.WeftCommand;
import dev.weft.cli.client.ApiClient;
import dev.weft.cli.client.ServerRefusedException;
import dev.weft.server.QuietLibraries;
import dev.weft.server.scheduling.AgentDesk;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code weft demo}: an embedded server, three agents as child processes, a queue tree and a mixed
 * batch that makes the scheduler preempt and backfill, a progress bar, then a summary read back
 * from the task records. {@code --once} stops everything after the summary; otherwise the cluster
 * keeps serving until Ctrl-C. Every child process (agents and the tasks they started) is stopped
 * on the way out, also on Ctrl-C.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Run the cluster demo: a server and three agents on this machine, a prod/batch queue tree,",
        "a mixed batch showing preemption and backfilling, then a summary of where each task ran."})
public final class DemoCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--once", description = "Exit after the summary (default: keep serving until Ctrl-C).")
  boolean once;

  @Option(names = "--port", paramLabel = "N", description = "The server's port on 127.0.0.1 (default: a free one).")
  int port;

  @Option(names = "--data", paramLabel = "DIR",
      description = "Keep the database, agent logs and task output in DIR (new or empty; default: a temporary directory, removed at exit).")
  Path data;

  @Option(names = "--simulated", description = "Replay the scheduling scenario in simulated time instead (no processes, about a second).")
  boolean simulated;

  private static final Duration CLOSE_LIMIT = Duration.ofSeconds(60);
  private final CountDownLatch stop = new CountDownLatch(1);
  private volatile boolean interrupted;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (simulated) {
      SimulatedDemo.print(out);
      return WeftCommand.OK;
    }
    if (port < 0 || port > 65_535) {
      throw new UsageException("--port must be 0-65535, got " + port);
    }
    Path dir = directory();
    QuietLibraries.apply();
    DemoCluster cluster;
    try {
      cluster = DemoCluster.start(dir, port);
    } catch (RuntimeException e) {
      if (causedBy(e, BindException.class)) {
        throw new UsageException("--port: cannot listen on 127.0.0.1:" + port + " (in use); pick another or leave it out");
      }
      throw e;
    }
    Thread hook = new Thread(() -> {
      interrupted = true;
      try {
        closeWithin(cluster, CLOSE_LIMIT, err);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (data == null) {
        deleteQuietly(dir);
      }
      stop.countDown();
    }, "weft-demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return run(cluster, dir, out, err);
    } catch (DemoFailedException | ServerRefusedException e) {
      if (interrupted) { // Ctrl-C while it ran: the server went away under the run; nothing failed
        say(err, "demo stopped");
        return WeftCommand.OK;
      }
      err.println("weft: demo: " + e.getMessage());
      err.flush();
      return WeftCommand.WORK_FAILED;
    } finally { // without --once, run returns only after Ctrl-C (the hook closed it already) or a failure
      closeWithin(cluster, CLOSE_LIMIT, err);
      if (data == null) {
        deleteQuietly(dir);
      }
    }
  }

  private int run(DemoCluster cluster, Path dir, PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
    ApiClient api = new ApiClient(cluster.url(), null);
    say(err, "server listening on " + cluster.url() + "/api/v1 (H2 under " + dir + "); starting "
        + DemoNode.THREE.size() + " agents");
    cluster.startAgents(DemoNode.THREE, dir);
    cluster.awaitNodes(api, Duration.ofSeconds(90));
    Map<String, String> topology = new LinkedHashMap<>();
    Map<String, String> enforcement = new LinkedHashMap<>();
    for (JsonNode n : api.get("/api/v1/nodes").path("items")) {
      topology.put(n.path("id").asText(), n.path("topology").asText());
      enforcement.put(n.path("id").asText(), n.path("labels").path(AgentDesk.ENFORCEMENT_LABEL).asText("?"));
    }
    DemoRun.Outcome outcome = new DemoRun(api, err).run();
    print(out, outcome, topology, enforcement, cluster.url());
    List<TaskStory> stories = outcome.stories();
    long failed = stories.stream().filter(s -> !"SUCCEEDED".equals(s.state())).count()
        + ("COMPLETED".equals(outcome.workflow().status()) ? 0 : 1);
    if (!once) {
      say(err, "serving at " + cluster.url() + " until Ctrl-C");
      stop.await();
    }
    if (failed > 0) {
      say(err, "demo: " + failed + " task(s) or the workflow did not succeed (see the summary)");
      return WeftCommand.WORK_FAILED;
    }
    return WeftCommand.OK;
  }

  private static void print(PrintWriter out, DemoRun.Outcome outcome, Map<String, String> topology,
                            Map<String, String> enforcement, String url) {
    List<TaskStory> stories = outcome.stories();
    Instant start = stories.stream().map(TaskStory::submittedAt).min(Comparator.naturalOrder()).orElseThrow();
    out.println("Weft demo: one server and " + DemoNode.THREE.size() + " agents (child processes) on this machine");
    for (DemoNode n : DemoNode.THREE) {
      out.println("  " + n.name() + "  " + n.topology() + "  " + n.cpus() + " cpu, " + n.memory() + " memory, limits enforced by "
          + enforcement.getOrDefault(n.name(), "?"));
    }
    out.println("  (capacities are given to the agents with --cpus/--memory, not measured, so that the batch contends)");
    out.println("Queues: " + DemoWorkload.QUEUES_LINE);
    out.println("Times are seconds after the first submission.");
    out.println();
    out.print(Summary.render(stories, topology, Backfill.find(stories, DemoWorkload.POLICIES), start));
    out.println();
    out.print(outcome.workflow().render(topology, start));
    out.println();
    out.println("API: " + url + "/api/v1   (OpenAPI: " + url + "/api/v1/openapi.json)");
    out.println("Try: weft nodes --server " + url + "   weft queues --server " + url + "   weft job get fill --server " + url);
    out.flush();
  }

  /**
   * Closes the cluster, waiting at most {@code limit}: the agents and their tasks stop first, so if
   * the server is slow to close the demo still exits (the JVM's exit ends the server's threads).
   */
  private static void closeWithin(DemoCluster cluster, Duration limit, PrintWriter err) throws InterruptedException {
    Thread closing = Thread.ofPlatform().daemon().name("weft-demo-close").start(cluster::close);
    closing.join(limit);
    if (closing.isAlive()) {
      say(err, "the embedded server did not close within " + limit.toSeconds() + " s; exiting anyway (agents and tasks are stopped)");
    }
  }

  private Path directory() throws IOException {
    if (data == null) {
      return Files.createTempDirectory("weft-demo-");
    }
    if (Files.exists(data) && (!Files.isDirectory(data) || hasEntries(data))) {
      throw new UsageException("--data: " + data + " is not a new or empty directory (the demo starts from nothing)");
    }
    return Files.createDirectories(data);
  }

  private static boolean hasEntries(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isPresent();
    }
  }

  private static void say(PrintWriter err, String line) {
    err.println("weft: " + line);
    err.flush();
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException e) {
      // a temporary directory left behind is harmless; the demo's result is already printed
    }
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
