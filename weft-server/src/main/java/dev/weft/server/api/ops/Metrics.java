package dev.weft.server.api.ops;

import dev.weft.server.api.ApiServer;
import io.javalin.http.Context;
import dev.weft.model.Resources;
import dev.weft.server.scheduling.ClusterCensus;
import dev.weft.server.scheduling.QueueUsage;
import dev.weft.server.scheduling.SchedulerStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import dev.weft.store.ServiceSlots;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The server's meters: {@code http_server_requests_seconds} per method, route and status,
 * {@code weft_instances} per status (counted in the store at each scrape), and the JVM's
 * memory, threads, GC, class loading, CPU and uptime; with the scheduler ({@link #bindCluster}),
 * the cluster's tasks, queues and nodes read from the store ({@link ClusterCensus}, at most once
 * every {@link #CENSUS_EVERY}) and this server's scheduler counters ({@link SchedulerStats}).
 */
public final class Metrics implements ApiServer.RequestObserver, AutoCloseable {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Supplier<Map<String, Long>> instanceCounts;
  private final Map<String, Long> lastCounts = new ConcurrentHashMap<>();
  /** How often the cluster census is read again at most, however often scrapes come. */
  public static final Duration CENSUS_EVERY = Duration.ofSeconds(5);
  private static final double MIB = 1024 * 1024;
  private Supplier<ClusterCensus> census;
  private long censusAt = Long.MIN_VALUE;
  private final Map<String, MultiGauge> clusterGauges = new LinkedHashMap<>();
  private Supplier<Map<String, ServiceSlots.Usage>> slots;
  private MultiGauge slotsHeld;
  private MultiGauge slotsWaiting;

  /**
   * @param statuses every instance status, so each has a gauge even at zero
   * @param instanceCounts instances per status, read from the store at each scrape
   */
  public Metrics(Collection<String> statuses, Supplier<Map<String, Long>> instanceCounts) {
    this.instanceCounts = instanceCounts;
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    gc.bindTo(registry);
    for (String s : statuses) {
      lastCounts.put(s, 0L);
      Gauge.builder("weft.instances", lastCounts, m -> m.getOrDefault(s, 0L))
          .description("workflow instances in the store, by status").tag("status", s).register(registry);
    }
  }

  @Override
  public void answered(Context ctx, String route, float millis) {
    Timer.builder("http.server.requests").description("HTTP requests answered")
        .tag("method", ctx.method().name()).tag("route", route).tag("status", Integer.toString(ctx.statusCode()))
        .register(registry).record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
  }

  /**
   * Adds the cluster's meters: {@code weft_tasks{status}} (tasks not ended), per queue
   * {@code weft_queue_pending_tasks}, {@code _delayed_tasks}, {@code _holding_tasks},
   * {@code _used_cpu_cores}, {@code _used_memory_bytes}, {@code _used_gpus}, {@code weft_nodes{state}}
   * and {@code weft_nodes_capacity_cpu_cores}/{@code _memory_bytes}/{@code _gpus{state}}, read from
   * {@code census}; and this server's scheduler: {@code weft_scheduler_leader}, rounds led and their
   * time ({@code weft_scheduler_rounds_seconds}), placements, preemptions, conflicts, nodes marked
   * down and their tasks queued again or failed.
   */
  public synchronized void bindCluster(Supplier<ClusterCensus> census, SchedulerStats stats) {
    this.census = census;
    CLUSTER_GAUGES.forEach((name, description) ->
        clusterGauges.put(name, MultiGauge.builder(name).description(description).register(registry)));
    Gauge.builder("weft.scheduler.leader", stats, s -> s.leader() ? 1 : 0)
        .description("1 while this server holds the scheduler lease (its last round planned)").register(registry);
    FunctionTimer.builder("weft.scheduler.rounds", stats, SchedulerStats::roundsLed, SchedulerStats::roundSeconds,
        TimeUnit.SECONDS).description("scheduler rounds this server led, and their time").register(registry);
    counter("weft.scheduler.placements", stats, SchedulerStats::placed, "tasks this server's rounds placed");
    counter("weft.scheduler.preemptions", stats, SchedulerStats::preempted, "running tasks this server's rounds preempted");
    counter("weft.scheduler.conflicts", stats, SchedulerStats::conflicts,
        "plans refused because a task or node changed under them (planned again)");
    counter("weft.scheduler.nodes.down", stats, SchedulerStats::nodesDown, "nodes this server marked down (missed heartbeats)");
    counter("weft.scheduler.lost.requeued", stats, SchedulerStats::requeued, "tasks of nodes marked down, queued again");
    counter("weft.scheduler.lost.failed", stats, SchedulerStats::failedLost,
        "tasks of nodes marked down that failed (no requeue left)");
  }

  /**
   * Adds {@code weft_service_calls_held{service}} and {@code weft_service_calls_waiting{service}}:
   * per service with a concurrency limit ({@code contract.concurrency}), its calls carried out now
   * and those waiting for a slot, read from {@code usage} at each scrape.
   */
  public synchronized void bindServiceSlots(Supplier<Map<String, ServiceSlots.Usage>> usage) {
    this.slots = usage;
    slotsHeld = MultiGauge.builder("weft.service.calls.held")
        .description("calls of a service with a concurrency limit holding one of its slots").register(registry);
    slotsWaiting = MultiGauge.builder("weft.service.calls.waiting")
        .description("calls of a service with a concurrency limit waiting for a slot").register(registry);
  }

  /**
   * Adds {@code weft_tls_certificate_not_after_timestamp_seconds}: when the HTTPS certificate in
   * service stops being valid (seconds since the epoch; alert on it minus {@code time()}).
   */
  public void bindCertificate(Supplier<Optional<Instant>> notAfter) {
    Gauge.builder("weft.tls.certificate.not.after.timestamp", notAfter,
            s -> s.get().map(i -> i.getEpochSecond() + i.getNano() / 1e9).orElse(Double.NaN))
        .baseUnit("seconds").description("when the HTTPS certificate in service stops being valid")
        .strongReference(true).register(registry); // the supplier is a lambda nothing else keeps
  }

  /** The census's gauges: name and description. */
  private static final Map<String, String> CLUSTER_GAUGES = Map.ofEntries(
      Map.entry("weft.tasks", "tasks not ended, by status (pending includes delayed)"),
      Map.entry("weft.queue.pending.tasks", "tasks waiting in the queue (its subtree), due now"),
      Map.entry("weft.queue.delayed.tasks", "tasks of the queue held back until a later time (delayed jobs, retries)"),
      Map.entry("weft.queue.holding.tasks", "tasks of the queue placed, running or suspended"),
      Map.entry("weft.queue.used.cpu.cores", "CPU held by the queue's tasks"),
      Map.entry("weft.queue.used.memory.bytes", "memory held by the queue's tasks"),
      Map.entry("weft.queue.used.gpus", "GPUs held by the queue's tasks"),
      Map.entry("weft.nodes", "nodes by state"),
      Map.entry("weft.nodes.capacity.cpu.cores", "CPU of the nodes in each state"),
      Map.entry("weft.nodes.capacity.memory.bytes", "memory of the nodes in each state"),
      Map.entry("weft.nodes.capacity.gpus", "GPUs of the nodes in each state"));

  private <T> void counter(String name, T obj, ToDoubleFunction<T> f, String description) {
    FunctionCounter.builder(name, obj, f).description(description).register(registry);
  }

  /** The Prometheus text exposition, with the instance counts (and the cluster census, if bound and due) read now. */
  public String scrape() {
    Map<String, Long> now = instanceCounts.get();
    lastCounts.replaceAll((s, old) -> now.getOrDefault(s, 0L));
    refreshCensus();
    refreshSlots();
    return registry.scrape();
  }

  private synchronized void refreshSlots() {
    if (slots == null) {
      return;
    }
    List<MultiGauge.Row<?>> held = new ArrayList<>();
    List<MultiGauge.Row<?>> waiting = new ArrayList<>();
    slots.get().forEach((service, u) -> {
      held.add(MultiGauge.Row.of(Tags.of("service", service), u.held()));
      waiting.add(MultiGauge.Row.of(Tags.of("service", service), u.waiting()));
    });
    slotsHeld.register(held, true); // a service whose calls all ended drops out
    slotsWaiting.register(waiting, true);
  }

  private synchronized void refreshCensus() {
    long at = System.nanoTime();
    if (census == null || censusAt != Long.MIN_VALUE && at - censusAt < CENSUS_EVERY.toNanos()) {
      return;
    }
    censusAt = at;
    ClusterCensus c = census.get();
    Map<String, List<MultiGauge.Row<?>>> rows = new HashMap<>();
    BiConsumer<String, MultiGauge.Row<?>> add = (name, row) ->
        rows.computeIfAbsent(name, n -> new ArrayList<>()).add(row);
    c.tasks().forEach((s, n) -> add.accept("weft.tasks", MultiGauge.Row.of(Tags.of("status", s.name()), n)));
    for (QueueUsage.Line q : c.queues().queues()) {
      Tags t = Tags.of("queue", q.path());
      add.accept("weft.queue.pending.tasks", MultiGauge.Row.of(t, q.pending()));
      add.accept("weft.queue.delayed.tasks", MultiGauge.Row.of(t, q.delayed()));
      add.accept("weft.queue.holding.tasks", MultiGauge.Row.of(t, q.holding()));
      add.accept("weft.queue.used.cpu.cores", MultiGauge.Row.of(t, q.used().cpuMillis() / 1000.0));
      add.accept("weft.queue.used.memory.bytes", MultiGauge.Row.of(t, q.used().memoryMiB() * MIB));
      add.accept("weft.queue.used.gpus", MultiGauge.Row.of(t, gpus(q.used())));
    }
    c.nodes().forEach((s, n) -> add.accept("weft.nodes", MultiGauge.Row.of(Tags.of("state", s.name()), n)));
    c.capacity().forEach((s, r) -> {
      Tags t = Tags.of("state", s.name());
      add.accept("weft.nodes.capacity.cpu.cores", MultiGauge.Row.of(t, r.cpuMillis() / 1000.0));
      add.accept("weft.nodes.capacity.memory.bytes", MultiGauge.Row.of(t, r.memoryMiB() * MIB));
      add.accept("weft.nodes.capacity.gpus", MultiGauge.Row.of(t, gpus(r)));
    });
    // overwrite: the queues of a tree applied since drop out
    clusterGauges.forEach((name, gauge) -> gauge.register(rows.getOrDefault(name, List.of()), true));
  }

  /** Whole GPUs plus shares of devices ({@link Resources#GPU_MILLI}). */
  private static double gpus(Resources r) {
    return r.gpus() + r.extended().getOrDefault(Resources.GPU_MILLI, 0L) / (double) Resources.MILLI_PER_GPU;
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
