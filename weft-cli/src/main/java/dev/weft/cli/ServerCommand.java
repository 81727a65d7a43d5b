package dev.weft.cli;

import dev.weft.model.codec.DurationParser;
import dev.weft.server.QuietLibraries;
import dev.weft.scheduler.api.PreemptionMode;
import dev.weft.server.scheduling.SchedulingSettings;
import dev.weft.server.ServerSettings;
import dev.weft.server.WeftServer;
import dev.weft.server.api.ApiSettings;
import dev.weft.server.api.Bodies;
import dev.weft.server.api.auth.TokenFileException;
import dev.weft.server.api.auth.Tokens;
import dev.weft.server.api.limits.RequestRate;
import dev.weft.server.api.tls.CertificateFiles;
import dev.weft.server.api.tls.PemIdentity;
import dev.weft.server.api.tls.ServerTls;
import dev.weft.server.secrets.SecretSource;
import dev.weft.store.StoreException;
import dev.weft.store.jdbc.Dialect;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code weft server}: the control plane. Opens the database (embedded H2 under {@code --data}
 * unless {@code --db} names one), resumes unfinished instances and serves the REST API until
 * Ctrl-C, which stops it cleanly (API, then running instances, then the database).
 */
@Command(name = "server", mixinStandardHelpOptions = true,
    description = "Run the Weft server: REST API under /api/v1, /healthz, /metrics, workflow instances in the background.")
final class ServerCommand implements Callable<Integer> {
  static final String TOKENS_VARIABLE = "WEFT_TOKENS";

  @Spec
  CommandSpec spec;

  @Option(names = "--db", paramLabel = "URL", description = "Database URL: jdbc:postgresql://... or jdbc:h2:file:... (default: H2 under --data).")
  String db;

  @Option(names = "--data", paramLabel = "DIR", description = "Directory of the embedded H2 database (default ${DEFAULT-VALUE}).")
  Path data = Path.of("weft-data");

  @Option(names = "--port", paramLabel = "N", description = "Port to listen on; 0 picks a free one (default ${DEFAULT-VALUE}).")
  int port = 8080;

  @Option(names = "--bind", paramLabel = "ADDR",
      description = "Address to listen on (default 127.0.0.1 without tokens, 0.0.0.0 with tokens). Without tokens only loopback is allowed.")
  String bind;

  @Option(names = "--tokens", paramLabel = "FILE",
      description = "Bearer tokens, one 'TOKEN ROLE [NAME]' per line (roles: admin, operator, viewer, agent, worker). Also read from $"
          + TOKENS_VARIABLE + " (lines or ';'-separated). None: every caller is admin, loopback only.")
  Path tokensFile;

  @Option(names = "--tls-cert", paramLabel = "FILE",
      description = "Serve HTTPS only, with this PEM certificate chain (the server's certificate first); needs --tls-key."
          + " Agents, workers and the CLI then trust it with --ca-cert (or $WEFT_CA_CERT) unless a public authority signed it."
          + " Both files are looked at every 10 s: a renewed pair is served without a restart.")
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "FILE",
      description = "The certificate's private key: PEM, unencrypted PKCS#8 (-----BEGIN PRIVATE KEY-----; RSA, EC or EdDSA).")
  Path tlsKey;

  @Option(names = "--tls-client-ca", paramLabel = "FILE",
      description = "Mutual TLS: ask every client (agents, workers, the CLI) for a certificate signed by an authority"
          + " in this PEM file, and refuse the connection without one; needs --tls-cert. Looked at with them.")
  Path tlsClientCa;

  @Option(names = "--rate-limit", paramLabel = "RATE",
      description = "Requests each caller (token) may make: 50 or 50/s, 600/m, 1000/h; more get 429 with Retry-After."
          + " The agent and worker protocols, /healthz and the OpenAPI document are not limited. Default: no limit.")
  String rateLimit;

  @Option(names = "--rate-burst", paramLabel = "N",
      description = "Requests a caller may make at once on top of --rate-limit's pace (default: two seconds' worth, at least 1).")
  Integer rateBurst;

  @Option(names = "--workers", paramLabel = "N", description = "Engine threads carrying out workflow commands at once (default ${DEFAULT-VALUE}).")
  int workers = 4;

  @Option(names = "--secrets", paramLabel = "FILE",
      description = "A JSON or YAML object of secret values for workflows' $secrets (else environment variables WEFT_SECRET_<NAME>). Never stored, logged or answered.")
  Path secretsFile;

  @Option(names = "--node-timeout", paramLabel = "D",
      description = "A node silent this long is down and its tasks run elsewhere (default ${DEFAULT-VALUE}); agents heartbeat at a third of it.")
  String nodeTimeout = "15s";

  @Option(names = "--preemption-mode", paramLabel = "MODE",
      description = "What a preempted running task undergoes: kill (killed and queued again) or suspend (stopped in place"
          + " with SIGSTOP or a cgroup freezer, resumed on its node when its cpu is free again) (default ${DEFAULT-VALUE}).")
  String preemption = "kill";

  @Option(names = "--retain-events", paramLabel = "D",
      description = "Keep a published event no instance listens for this long, for a listen that opens later (default ${DEFAULT-VALUE}: not kept).")
  String retainEvents = "0s";

  @Option(names = "--log-retention", paramLabel = "D",
      description = "Delete the shipped output of tasks that ended this long ago, checked every 10 minutes (default ${DEFAULT-VALUE}; 0s: keep forever).")
  String logRetention = "7d";

  @Option(names = "--job-retention", paramLabel = "D",
      description = "Delete jobs whose tasks all ended this long ago, with their tasks, outputs and logs, checked every 10 minutes (default ${DEFAULT-VALUE}; 0s: keep forever).")
  String jobRetention = "30d";

  @Option(names = "--db-wait", paramLabel = "D",
      description = "Wait this long for a database that cannot be reached yet (a PostgreSQL still starting), trying again"
          + " with pauses growing to 5 s (default ${DEFAULT-VALUE}: exit at once).")
  String dbWait = "0s";

  private final CountDownLatch stop = new CountDownLatch(1);
  private final AtomicBoolean stopped = new AtomicBoolean();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    QuietLibraries.apply();
    ServerSettings settings;
    SchedulingSettings scheduling;
    Duration waitForDatabase;
    try {
      settings = settings();
      scheduling = scheduling();
      waitForDatabase = durationOption("--db-wait", dbWait);
    } catch (UsageException | TokenFileException | IllegalArgumentException e) {
      err.println("weft: " + e.getMessage());
      err.flush();
      return WeftCommand.BAD_INPUT;
    }
    if (!portFree(settings.api())) {
      return portInUse(err, settings.api());
    }
    WeftServer server;
    try {
      server = DatabaseWait.retrying(() -> WeftServer.start(settings, scheduling, List.of()), waitForDatabase, err);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return WeftCommand.WORK_FAILED;
    } catch (StoreException e) {
      err.println("weft: " + firstLine(e.getMessage()));
      err.flush();
      return WeftCommand.WORK_FAILED;
    } catch (RuntimeException e) {
      if (causedBy(e, BindException.class)) {
        return portInUse(err, settings.api());
      }
      throw e;
    }
    Thread hook = new Thread(() -> {
      shutDown(server, out);
      stop.countDown();
    }, "weft-server-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    String host = settings.api().bind().contains(":") ? "[" + settings.api().bind() + "]" : settings.api().bind();
    out.println("weft server listening on " + settings.api().scheme() + "://" + host + ":" + server.port() + "/api/v1 (database "
        + settings.databaseUrl() + (settings.api().tokens().isEmpty() ? "; no tokens: loopback only, every caller is admin)"
        : "; " + settings.api().tokens().callers().size() + " token(s))"));
    out.flush();
    try {
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!stopped.get()) { // asked to stop in-process (tests), not by a signal
      Runtime.getRuntime().removeShutdownHook(hook);
      shutDown(server, out);
    }
    return WeftCommand.OK;
  }

  /** Stops a server started by {@link #call} in this process, as Ctrl-C would. */
  void requestStop() {
    stop.countDown();
  }

  private void shutDown(WeftServer server, PrintWriter out) {
    if (stopped.getAndSet(true)) {
      return;
    }
    server.close();
    out.println("weft server stopped");
    out.flush();
  }

  private ServerSettings settings() {
    Tokens tokens = tokens();
    String address = bind != null ? bind : tokens.isEmpty() ? "127.0.0.1" : "0.0.0.0";
    String url = db != null ? db : "jdbc:h2:file:" + data.toAbsolutePath().resolve("weft");
    Dialect.of(url); // an unsupported URL is a usage error, named before anything starts
    if (workers < 1) {
      throw new UsageException("--workers must be at least 1, got " + workers);
    }
    return new ServerSettings(url, rateLimit(tls(new ApiSettings(address, port, tokens, Bodies.DEFAULT_LIMIT))), workers, secrets(),
        eventRetention(), durationOption("--log-retention", logRetention), durationOption("--job-retention", jobRetention));
  }

  /** The API settings limiting each caller when {@code --rate-limit} is given. */
  private ApiSettings rateLimit(ApiSettings api) {
    if (rateLimit == null) {
      if (rateBurst != null) {
        throw new UsageException("--rate-burst needs --rate-limit (the pace the burst is on top of)");
      }
      return api;
    }
    double perSecond;
    try {
      perSecond = RequestRate.parsePerSecond(rateLimit);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--rate-limit: " + e.getMessage());
    }
    int burst = rateBurst != null ? rateBurst : (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.ceil(2 * perSecond)));
    if (burst < 1) {
      throw new UsageException("--rate-burst must be at least 1, got " + burst);
    }
    return api.withRateLimit(new RequestRate(perSecond, burst));
  }

  /** The API settings serving HTTPS when {@code --tls-cert} and {@code --tls-key} are given. */
  private ApiSettings tls(ApiSettings api) {
    if (tlsCert == null && tlsKey == null) {
      if (tlsClientCa != null) {
        throw new UsageException("--tls-client-ca needs --tls-cert and --tls-key (client certificates are asked for over"
            + " HTTPS)");
      }
      return api;
    }
    if (tlsCert == null || tlsKey == null) {
      throw new UsageException(tlsCert == null ? "--tls-key needs --tls-cert (the certificate chain it belongs to)"
          : "--tls-cert needs --tls-key (the certificate's private key)");
    }
    try {
      return api.withTls(ServerTls.fromFiles(new CertificateFiles(tlsCert, "--tls-cert", tlsKey, "--tls-key",
          tlsClientCa, "--tls-client-ca"), ServerTls.DEFAULT_LOOK));
    } catch (PemIdentity.UnreadableException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static Duration durationOption(String option, String value) {
    try {
      return Duration.ofMillis(DurationParser.millis(value));
    } catch (IllegalArgumentException e) {
      throw new UsageException(option + ": " + e.getMessage());
    }
  }

  private Duration eventRetention() {
    try {
      return Duration.ofMillis(DurationParser.millis(retainEvents));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--retain-events: " + e.getMessage());
    }
  }

  private SecretSource secrets() {
    try {
      return RunSecrets.source(secretsFile);
    } catch (IOException e) {
      throw new UsageException("--secrets: " + firstLine(e.getMessage()));
    }
  }

  /** The scheduler's settings: the lease holder is this process (host, pid, a random part). */
  private SchedulingSettings scheduling() {
    long millis;
    try {
      millis = DurationParser.millis(nodeTimeout);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--node-timeout: " + e.getMessage());
    }
    if (millis < 1000) {
      throw new UsageException("--node-timeout must be at least 1s, got " + nodeTimeout);
    }
    String holder = ProcessHandle.current().pid() + "@" + hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    PreemptionMode mode = switch (preemption) {
      case "kill" -> PreemptionMode.KILL_AND_REQUEUE;
      case "suspend" -> PreemptionMode.SUSPEND;
      default -> throw new UsageException("--preemption-mode: expected kill or suspend, got '" + preemption + "'");
    };
    return SchedulingSettings.withNodeTimeout(holder, Duration.ofMillis(millis)).withPreemption(mode);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  private Tokens tokens() {
    if (tokensFile != null) {
      try {
        return Tokens.watching(tokensFile, System::nanoTime); // followed as it changes: rotate without a restart
      } catch (TokenFileException e) {
        if (e.getMessage().endsWith("holds no tokens")) {
          throw new UsageException("--tokens: " + e.getMessage() + "; leave the option out to run without tokens");
        }
        throw e; // names file:line
      } catch (IOException e) {
        throw new UsageException("--tokens: cannot read " + tokensFile + " (" + e.getClass().getSimpleName() + ")");
      }
    }
    String env = System.getenv(TOKENS_VARIABLE);
    return env == null || env.isBlank() ? Tokens.none() : Tokens.parse(env.replace(';', '\n'), "$" + TOKENS_VARIABLE);
  }

  /** Checked before the server starts, so the usual case gets one clear line instead of Jetty's log. */
  private static boolean portFree(ApiSettings api) {
    if (api.port() == 0) {
      return true;
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(InetAddress.getByName(api.bind()), api.port()));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int portInUse(PrintWriter err, ApiSettings api) {
    err.println("weft: cannot listen on " + api.bind() + ":" + api.port()
        + " (in use, or not an address of this machine); pick another with --port or --bind");
    err.flush();
    return WeftCommand.BAD_INPUT;
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String firstLine(String s) {
    String m = String.valueOf(s);
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
