package dev.weft.server;

import dev.weft.scheduler.api.SchedulerConfig;
import dev.weft.server.outage.FailureStreak;
import dev.weft.server.api.ApiResource;
import dev.weft.server.api.ApiServer;
import dev.weft.server.api.agent.AgentLogResource;
import dev.weft.server.api.agent.AgentResource;
import dev.weft.server.logs.LogBell;
import dev.weft.server.logs.LogIntake;
import dev.weft.server.logs.LogPurge;
import dev.weft.server.retention.JobPurge;
import dev.weft.server.scheduling.AgentDesk;
import dev.weft.server.scheduling.ClusterCensus;
import dev.weft.server.scheduling.NodeClaims;
import dev.weft.server.scheduling.NodeLiveness;
import dev.weft.server.scheduling.SchedulerThread;
import dev.weft.server.scheduling.RoundBell;
import dev.weft.server.scheduling.SchedulingSettings;
import dev.weft.server.scheduling.TaskSecrets;
import dev.weft.server.runtime.WorkflowTaskSecrets;
import dev.weft.server.scheduling.WorkBell;
import dev.weft.server.cluster.ClusterBells;
import dev.weft.server.cluster.RelayedBell;
import java.time.Instant;
import java.time.InstantSource;
import java.util.function.BiFunction;
import dev.weft.server.api.ops.HealthResource;
import dev.weft.server.api.ops.Metrics;
import dev.weft.server.api.ops.MetricsResource;
import dev.weft.server.api.workflows.DefinitionResource;
import dev.weft.server.api.workflows.InstanceResource;
import dev.weft.server.api.jobs.SchedulingResources;
import dev.weft.server.api.workflows.InstanceOperationsResource;
import dev.weft.server.api.workers.WorkerResource;
import dev.weft.server.api.workflows.InstanceTasksResource;
import dev.weft.server.api.services.ServiceResource;
import dev.weft.server.services.ServiceRegistry;
import dev.weft.server.runtime.CallSlots;
import dev.weft.server.runtime.RuntimeClock;
import dev.weft.store.Database;
import dev.weft.store.InstanceFilter;
import dev.weft.store.InstanceStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A running {@code weft server}: the database, the workflow engine (with its schedule runner),
 * the API. The engine carries on whatever the store holds unfinished; {@link #close} stops the
 * API, then the engine, then the database.
 */
public final class WeftServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("dev.weft.server");
  private final Database db;
  private final WorkflowServices engine;
  private final Metrics metrics;
  private final ApiServer api;
  private final ClusterBells cluster;
  /** The bells long polls wait on (agents', log followers'), closed first when the server stops. */
  private final List<RelayedBell> pollBells;
  private static final java.time.Duration PURGE_EVERY = java.time.Duration.ofMinutes(10);
  private SchedulerThread scheduler;
  private LogPurge logPurge;
  private JobPurge jobPurge;

  private WeftServer(Database db, WorkflowServices engine, Metrics metrics, ApiServer api, ClusterBells cluster,
                     List<RelayedBell> pollBells) {
    this.cluster = cluster;
    this.pollBells = pollBells;
    this.db = db;
    this.engine = engine;
    this.metrics = metrics;
    this.api = api;
  }

  /**
   * As {@link #start(ServerSettings, List)}, and also serves the agent protocol and runs the
   * scheduler loop (with node liveness sweeps) on its own thread.
   */
  public static WeftServer start(ServerSettings settings, SchedulingSettings scheduling, List<ApiResource> extra) {
    WorkBell bell = new WorkBell();
    RoundBell rounds = new RoundBell();
    WeftServer server = start(settings, extra, true, scheduling.plannerConfig(), rounds, bell, (db, logs) -> {
      TaskSecrets secrets = new WorkflowTaskSecrets(db, settings.secrets());
      NodeClaims claims = NodeClaims.random(db, InstantSource.system(), scheduling.nodeTimeout());
      return List.of(new AgentResource(
          new AgentDesk(db, liveness(db, scheduling), bell, rounds, InstantSource.system(), secrets), claims, scheduling),
          new AgentLogResource(new LogIntake(db, logs, InstantSource.system(), secrets), claims));
    });
    server.scheduler = SchedulerThread.start(server.db, scheduling, liveness(server.db, scheduling), bell, rounds,
        FailureStreak.logging("scheduler round", LOG));
    Database db = server.db;
    server.metrics.bindCluster(() -> ClusterCensus.read(db, Instant.now()), server.scheduler.stats());
    if (!settings.logRetention().isZero()) {
      server.logPurge = new LogPurge(server.db.taskLogs(), settings.logRetention(), InstantSource.system())
          .start(PURGE_EVERY);
    }
    if (!settings.jobRetention().isZero()) {
      server.jobPurge = new JobPurge(server.db.jobs(), settings.jobRetention(), InstantSource.system())
          .start(PURGE_EVERY);
    }
    return server;
  }

  private static NodeLiveness liveness(Database db, SchedulingSettings s) {
    return new NodeLiveness(db, s.nodeTimeout(), s.maxRequeues());
  }

  /**
   * Opens the database, resumes unfinished instances and starts listening.
   *
   * @param extra more resources (the coordinator's jobs, nodes, ...; tests' own routes)
   * @throws dev.weft.store.StoreException if the database cannot be opened
   */
  public static WeftServer start(ServerSettings settings, List<ApiResource> extra) {
    return start(settings, extra, false, SchedulerConfig.defaults(), RoundBell.NONE, new WorkBell(), (db, logs) -> List.of());
  }

  private static WeftServer start(ServerSettings settings, List<ApiResource> extra, boolean tasksOnAgents,
                                  SchedulerConfig planner,
                                  RoundBell rounds, WorkBell work,
                                  BiFunction<Database, LogBell, List<ApiResource>> more) {
    Database db = Database.open(settings.databaseUrl());
    ClusterBells cluster = null;
    try {
      RuntimeClock clock = RuntimeClock.system();
      Supplier<String> ids = () -> UUID.randomUUID().toString();
      WorkflowServices workflows = WorkflowServices.open(db, settings, clock, ids, tasksOnAgents, rounds::ring, work::ring);
      Metrics metrics = new Metrics(Arrays.stream(InstanceStatus.values()).map(Enum::name).toList(), () -> counts(db));
      metrics.bindServiceSlots(() -> db.serviceSlots().usage());
      CallSlots slots = new CallSlots(db);
      List<ApiResource> resources = new ArrayList<>(List.of(
          new HealthResource(() -> db.instances().list(InstanceFilter.all(1))),
          new MetricsResource(metrics),
          new DefinitionResource(workflows.engine(), db.definitions()),
          new InstanceResource(workflows.engine(), db.definitions(), db.instances(), db.events()),
          new InstanceOperationsResource(workflows.operations(), workflows.delivery(), db.instances()),
          new ServiceResource(new ServiceRegistry(db.services()), db.services(), Clock.systemUTC(),
              slots::registered),
          new InstanceTasksResource(db),
          new WorkerResource(workflows.workerCalls())));
      LogBell logs = new LogBell();
      cluster = ClusterBells.connect(db.openSignals(UUID.randomUUID().toString()), rounds, work, logs,
          workflows.workerCalls().bell());
      resources.addAll(SchedulingResources.of(db, Clock.systemUTC(), logs, rounds, work, planner));
      resources.addAll(extra);
      resources.addAll(more.apply(db, logs));
      ApiServer api = new ApiServer(settings.api(), resources, metrics);
      if (settings.api().tls() != null && settings.api().tls().files().isPresent()) {
        metrics.bindCertificate(api::certificateNotAfter);
      }
      try {
        api.start();
      } catch (RuntimeException e) {
        workflows.close();
        metrics.close();
        throw e;
      }
      return new WeftServer(db, workflows, metrics, api, cluster, List.of(work, logs));
    } catch (RuntimeException e) {
      if (cluster != null) {
        cluster.close();
      }
      db.close();
      throw e;
    }
  }

  public int port() {
    return api.port();
  }

  public ApiServer api() {
    return api;
  }

  /** The server's database (tests register nodes through it; agents do through their protocol). */
  public Database database() {
    return db;
  }

  private static Map<String, Long> counts(Database db) {
    Map<String, Long> m = new LinkedHashMap<>();
    db.instances().countByStatus().forEach((s, n) -> m.put(s.name(), n));
    return m;
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.close();
    }
    if (logPurge != null) {
      logPurge.close();
    }
    if (jobPurge != null) {
      jobPurge.close();
    }
    // the long polls under way answer now with what they have (agents, workers and log followers ask
    // again, elsewhere or later) and the API stops once they are answered, rather than cutting them off
    pollBells.forEach(RelayedBell::close);
    engine.workerCalls().stopWaiting();
    api.close();
    engine.close();
    metrics.close();
    cluster.close();
    db.close();
  }
}
