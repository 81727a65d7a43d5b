package dev.weft.cli.agent;

import dev.weft.cli.ClientTls;
import dev.weft.cli.UsageException;
import dev.weft.cli.WeftCommand;
import dev.weft.agent.enforce.Confiner;
import dev.weft.agent.exec.Builtins;
import dev.weft.agent.exec.ProcessExecutor;
import dev.weft.agent.exec.WithBuiltins;
import dev.weft.agent.exec.ProcessTable;
import dev.weft.agent.exec.Signals;
import dev.weft.agent.host.HostFacts;
import dev.weft.agent.host.HostProbe;
import dev.weft.agent.logs.LogPacker;
import dev.weft.agent.logs.LogSweep;
import dev.weft.agent.logs.LogTails;
import dev.weft.agent.logs.ShipLimits;
import dev.weft.agent.logs.TaskLogs;
import dev.weft.agent.protocol.AgentLoop;
import dev.weft.agent.protocol.Backoff;
import dev.weft.agent.protocol.AgentProtocol;
import dev.weft.agent.protocol.FailoverProtocol;
import dev.weft.agent.protocol.HttpAgentProtocol;
import dev.weft.agent.protocol.NodeSecret;
import dev.weft.agent.protocol.Heartbeats;
import dev.weft.agent.protocol.LogShipping;
import dev.weft.agent.protocol.LoopSettings;
import dev.weft.agent.protocol.NodeInfo;
import dev.weft.agent.protocol.Reconnecting;
import dev.weft.agent.state.StateDir;
import dev.weft.model.Resources;
import dev.weft.model.TopologyPath;
import dev.weft.model.codec.DurationParser;
import dev.weft.model.codec.QuantityParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code weft agent --server URL --token T ...}: joins a server and runs the tasks it places on
 * this machine until stopped (SIGTERM / Ctrl-C); without {@code --server}, prints usage. The
 * subcommands are local: probe the machine, run one task, read a task's logs.
 */
@Command(name = "agent", mixinStandardHelpOptions = true,
    description = {"Join a Weft server and run the tasks it places here (weft agent --server URL --token T),",
        "or work locally: probe this machine, run a task on it with its resources enforced, read its logs."},
    subcommands = {ProbeCommand.class, ExecCommand.class, LogsCommand.class})
public final class AgentCommand implements Callable<Integer> {
  static final String TOKEN_VARIABLE = "WEFT_AGENT_TOKEN";
  /** How often the output of running tasks is shipped to the server. */
  static final Duration SHIP_EVERY = Duration.ofSeconds(1);

  @Spec
  CommandSpec spec;

  @Mixin
  AgentOptions agent;

  @Option(names = "--server", paramLabel = "URL",
      description = "The server, e.g. http://10.0.0.5:8080; repeat it for other servers of the cluster, tried in turn when one fails.")
  List<String> servers;

  @Option(names = "--token", paramLabel = "T", description = "The agent token (role agent); also $" + TOKEN_VARIABLE + ".")
  String token;

  @Option(names = "--ca-cert", paramLabel = "FILE", defaultValue = "${env:" + ClientTls.CA_VARIABLE + "}",
      description = "PEM certificate(s) of the authority that signed the https servers' certificate; also $"
          + ClientTls.CA_VARIABLE + " (none: the JDK's public authorities).")
  String caCert;

  @Option(names = "--client-cert", paramLabel = "FILE", defaultValue = "${env:" + ClientTls.CERT_VARIABLE + "}",
      description = "PEM certificate chain to present to servers that ask for client certificates (weft server"
          + " --tls-client-ca); needs --client-key; also $" + ClientTls.CERT_VARIABLE + ".")
  String clientCert;

  @Option(names = "--client-key", paramLabel = "FILE", defaultValue = "${env:" + ClientTls.KEY_VARIABLE + "}",
      description = "The client certificate's private key: PEM, unencrypted PKCS#8; also $" + ClientTls.KEY_VARIABLE + ".")
  String clientKey;

  @Option(names = "--name", paramLabel = "NAME", description = "The node id to join as (default: this host's name).")
  String name;

  @Option(names = "--topology", paramLabel = "PATH", description = "Where this machine sits: region/zone/rack, e.g. eu/zone-a/rack-1.")
  String topology;

  @Option(names = "--label", paramLabel = "K=V", description = "A node label (repeatable).")
  List<String> labels = List.of();

  @Option(names = "--cpus", paramLabel = "Q", description = "Override the cpu offered: CPUs (2, 0.5) or millicores (1500m).")
  String cpus;

  @Option(names = "--memory", paramLabel = "Q", description = "Override the memory offered, e.g. 4Gi.")
  String memory;

  @Option(names = "--disk", paramLabel = "Q", description = "Override the disk offered, e.g. 100Gi.")
  String disk;

  @Option(names = "--gpus", paramLabel = "N", description = "Whole GPUs offered (default ${DEFAULT-VALUE}; not detected).")
  long gpus;

  @Option(names = "--work-dir", paramLabel = "DIR", description = "Where tasks run (default: the agent's working directory).")
  Path workDir;

  @Option(names = "--slots", paramLabel = "N", description = "At most this many tasks at once, whatever the server places (default ${DEFAULT-VALUE}).")
  int slots = 64;

  @Option(names = "--heartbeat", paramLabel = "D",
      description = "Heartbeat interval, also the longest poll (default ${DEFAULT-VALUE}); keep it under a third of the server's --node-timeout.")
  String heartbeat = "5s";

  @Option(names = "--log-retention", paramLabel = "D",
      description = "Delete task log files on this machine not written to for this long, except running tasks' (default ${DEFAULT-VALUE}; 0s keeps them forever).")
  String logRetention = "7d";

  /** How often old task log files are looked for. */
  static final Duration SWEEP_EVERY = Duration.ofMinutes(10);

  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean stop;

  @Override
  public Integer call() throws IOException {
    if (servers == null || servers.isEmpty()) {
      spec.commandLine().usage(spec.commandLine().getErr());
      return WeftCommand.BAD_INPUT;
    }
    PrintWriter err = spec.commandLine().getErr();
    List<URI> urls = servers.stream().map(AgentCommand::serverUrl).toList();
    SSLContext tls = ClientTls.context(caCert, clientCert, clientKey);
    Duration every = Duration.ofMillis(ProbeCommand.quantity("--heartbeat", heartbeat, DurationParser::millis).getAsLong());
    if (every.isZero()) {
      throw new UsageException("--heartbeat must be more than 0");
    }
    if (slots < 1) {
      throw new UsageException("--slots must be at least 1, got " + slots);
    }
    Duration keepLogs = Duration.ofMillis(ProbeCommand.quantity("--log-retention", logRetention, DurationParser::millis)
        .getAsLong());
    Files.createDirectories(agent.dataDir);
    if (workDir != null) {
      Files.createDirectories(workDir);
    }
    Confiner confiner = agent.confiner();
    NodeInfo node = new NodeInfo(name == null ? hostName() : name, capacity(), labels(),
        topology == null ? null : TopologyPath.parse(topology), confiner.enforcement());
    ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    ScheduledExecutorService shipper = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "weft-log-shipper"));
    ScheduledExecutorService beater = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "weft-heartbeat"));
    try {
      StateDir state = new StateDir(agent.dataDir.resolve("state"));
      TaskLogs logs = new TaskLogs(agent.dataDir.resolve("logs"));
      ProcessExecutor executor = new ProcessExecutor(confiner, logs, state, timers, ProcessTable.live(), new Signals());
      String token = this.token != null ? this.token : System.getenv(TOKEN_VARIABLE);
      AgentProtocol protocol = protocol(urls, token, NodeSecret.keptIn(state.nodeSecretFile()), tls);
      LogShipping shipping = new LogShipping(protocol, new LogPacker(logs, ShipLimits.defaults()), m -> say(err, m));
      AgentLoop loop = new AgentLoop(protocol, new WithBuiltins(Builtins.standard(), executor), node,
          new LoopSettings(slots, Math.min(16, slots), every, every, 100), InstantSource.system(), shipping,
          new LogTails(logs));
      shipping.every(SHIP_EVERY, shipper, loop::nodeId, executor::running);
      if (!keepLogs.isZero()) {
        sweepLogs(new LogSweep(logs, keepLogs, executor::running), timers, err);
      }
      new Heartbeats(loop, every, m -> say(err, m)).start(beater);
      int adopted = Orphans.adopt(state, executor, loop);
      say(err, "agent " + node.name() + " (" + node.topology() + ", cpu " + node.capacity().cpuMillis() + "m, memory "
          + node.capacity().memoryMiB() + " MiB, " + confiner.enforcement().kind().label() + ") joining " + urls.getFirst() + (urls.size() == 1 ? "" : " (then " + urls.subList(1, urls.size()) + " in turn)")
          + (adopted == 0 ? "" : "; adopted " + adopted + " task(s) an earlier agent left running"));
      Thread hook = new Thread(() -> {
        stop = true;
        try {
          stopped.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "weft-agent-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      new Reconnecting(loop, Backoff.reconnecting(every), Thread::sleep,
          m -> say(err, m)).runUntil(() -> stop);
      say(err, "agent " + node.name() + " stopped");
      return WeftCommand.OK;
    } finally {
      beater.shutdownNow();
      shipper.shutdownNow();
      timers.shutdownNow();
      stopped.countDown();
    }
  }

  /** Deletes old task log files now and every {@link #SWEEP_EVERY}; a failed sweep is said and tried again later. */
  private static void sweepLogs(LogSweep sweep, ScheduledExecutorService timers, PrintWriter err) {
    timers.scheduleWithFixedDelay(() -> {
      try {
        sweep.sweep(Instant.now());
      } catch (RuntimeException e) {
        say(err, "deleting old task log files failed: " + e.getMessage() + "; trying again in " + SWEEP_EVERY.toMinutes()
            + " minutes");
      }
    }, 0, SWEEP_EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static void say(PrintWriter err, String line) {
    err.println("weft: " + line);
    err.flush();
  }

  /** One server as is; several behind a {@link FailoverProtocol} that moves to the next when one fails. */
  private AgentProtocol protocol(List<URI> urls, String token, NodeSecret secret, SSLContext tls) {
    List<AgentProtocol> each = urls.stream()
        .<AgentProtocol>map(u -> new HttpAgentProtocol(u, token, workDir, secret, tls)).toList();
    return each.size() == 1 ? each.getFirst() : new FailoverProtocol(each);
  }

  private static URI serverUrl(String server) {
    try {
      URI u = URI.create(server);
      if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
        throw new IllegalArgumentException("expected http://HOST:PORT");
      }
      return u;
    } catch (IllegalArgumentException e) {
      throw new UsageException("--server: '" + server + "' is not a server URL (" + e.getMessage() + ")");
    }
  }

  private Resources capacity() {
    HostFacts facts = HostProbe.ofThisMachine(agent.dataDir).measure().overriddenBy(
        ProbeCommand.quantity("--cpus", cpus, QuantityParser::cpuMillis),
        ProbeCommand.quantity("--memory", memory, QuantityParser::mebibytes),
        ProbeCommand.quantity("--disk", disk, QuantityParser::mebibytes));
    if (gpus < 0) {
      throw new UsageException("--gpus cannot be negative");
    }
    return new Resources(facts.cpuMillis(), facts.memoryMiB(), facts.diskMiB(), gpus, Map.of());
  }

  private Map<String, String> labels() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String l : labels) {
      int eq = l.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("--label: expected KEY=VALUE, got '" + l + "'");
      }
      out.put(l.substring(0, eq), l.substring(eq + 1));
    }
    return out;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
