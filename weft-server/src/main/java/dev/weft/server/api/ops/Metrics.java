package dev.weft.server.api.ops;

import dev.weft.server.api.ApiServer;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The server's meters: {@code http_server_requests_seconds} per method, route and status,
 * {@code weft_instances} per status (counted in the store at each scrape), and the JVM's
 * memory, threads, GC, class loading, CPU and uptime.
 */
public final class Metrics implements ApiServer.RequestObserver, AutoCloseable {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Supplier<Map<String, Long>> instanceCounts;
  private final Map<String, Long> lastCounts = new ConcurrentHashMap<>();

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

  /** The Prometheus text exposition, with the instance counts read now. */
  public String scrape() {
    Map<String, Long> now = instanceCounts.get();
    lastCounts.replaceAll((s, old) -> now.getOrDefault(s, 0L));
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
