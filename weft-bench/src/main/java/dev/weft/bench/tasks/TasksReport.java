package dev.weft.bench.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The figures of {@code weft bench tasks}, as text or as one JSON object. */
public record TasksReport(TasksBench.Settings settings, List<Throughput> results, Latency latency) {
  /** Weft over db-scheduler, the target. */
  public static final double TARGET = 3.0;
  static final String WORKLOAD = "no-op tasks";

  public boolean allMeasured() {
    return results.stream().allMatch(Throughput::measured)
        && (latency.measured() || !settings.engines().contains("weft"));
  }

  /** Weft's rate over the peer's, or empty when either was not measured. */
  Optional<Double> ratio(String peer) {
    Optional<Throughput> weft = find("weft");
    Optional<Throughput> other = find(peer);
    return weft.isPresent() && other.isPresent() ? Optional.of(weft.get().perSecond() / other.get().perSecond())
        : Optional.empty();
  }

  private Optional<Throughput> find(String engine) {
    return results.stream().filter(r -> r.engine().equals(engine) && r.measured()).findFirst();
  }

  public Map<String, Object> json() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("benchmark", "tasks");
    out.put("mode", settings.quick() ? "quick" : "full");
    out.put("tasks", settings.tasks());
    out.put("warmupTasks", settings.warmupTasks());
    out.put("jvm", settings.forkEach() || settings.engines().size() == 1 ? "one per engine" : "one for all engines, in turn");
    out.put("jdk", Runtime.version().toString());
    out.put("cpus", Runtime.getRuntime().availableProcessors());
    List<Map<String, Object>> list = new ArrayList<>();
    for (Throughput r : results) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("engine", r.engine());
      m.put("workload", r.tasks() + " " + WORKLOAD);
      m.put("perSecond", r.measured() ? round(r.perSecond()) : null);
      m.put("tasks", r.tasks());
      m.put("completed", r.completed());
      m.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
      m.put("settings", r.settings());
      if (r.cpu() != null) {
        m.put("cpu", cpuJson(r));
      }
      if (!r.measured()) {
        m.put("notMeasured", r.failure());
      }
      list.add(m);
    }
    out.put("results", list);
    Map<String, Object> ratios = new LinkedHashMap<>();
    ratios.put("weft/db-scheduler", ratio("db-scheduler").map(TasksReport::round).orElse(null));
    ratios.put("weft/jobrunr", ratio("jobrunr").map(TasksReport::round).orElse(null));
    out.put("ratios", ratios);
    out.put("target", Map.of("weft/db-scheduler", TARGET));
    out.put("meetsTarget", ratio("db-scheduler").map(r -> r >= TARGET).orElse(false));
    out.put("latency", latencyJson());
    return out;
  }

  /** An engine's figures as {@link #json} wrote them (one of its {@code results}). */
  static Throughput throughputOf(JsonNode r) {
    int completed = r.path("completed").asInt();
    JsonNode cpu = r.path("cpu");
    CpuMeter.Used used = null;
    if (cpu.isObject() && completed > 0) {
      JsonNode pg = cpu.path("postgresMicrosPerTask");
      used = new CpuMeter.Used(cpu.path("jvmMicrosPerTask").asDouble() * completed / 1e6,
          pg.isNumber() ? pg.asDouble() * completed / 1e6 : null,
          cpu.hasNonNull("postgresNotMeasured") ? cpu.path("postgresNotMeasured").asText() : null);
    }
    return new Throughput(r.path("engine").asText(), r.path("tasks").asInt(), completed, r.path("seconds").asDouble(),
        r.path("settings").asText(), r.hasNonNull("notMeasured") ? r.path("notMeasured").asText() : null, used);
  }

  /** The paced run's figures as {@link #json} wrote them ({@code latency}). */
  static Latency latencyOf(JsonNode l) {
    int rate = l.path("ratePerSecond").asInt();
    int planned = l.path("plannedSeconds").asInt();
    if (l.hasNonNull("notMeasured") || !l.path("p50Millis").isNumber()) {
      return Latency.failed(rate, planned, l.path("notMeasured").asText("not reported"));
    }
    return new Latency(rate, planned, l.path("seconds").asDouble(), l.path("tasks").asInt(), l.path("p50Millis").asLong(),
        l.path("p99Millis").asLong(), l.path("maxMillis").asLong(), null);
  }

  /** CPU per task of the batch: this JVM's and PostgreSQL's, and the cores they kept busy on average. */
  private static Map<String, Object> cpuJson(Throughput r) {
    CpuMeter.Used u = r.cpu();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("jvmMicrosPerTask", round(u.jvmMicrosPerTask(r.completed())));
    Double pg = u.postgresMicrosPerTask(r.completed());
    m.put("postgresMicrosPerTask", pg == null ? null : round(pg));
    m.put("coresBusy", u.postgresSeconds() == null ? null
        : round((u.jvmSeconds() + u.postgresSeconds()) / r.seconds()));
    if (u.why() != null) {
      m.put("postgresNotMeasured", u.why());
    }
    return m;
  }

  private static String cpuText(Throughput r) {
    CpuMeter.Used u = r.cpu();
    if (u == null) {
      return "";
    }
    Double pg = u.postgresMicrosPerTask(r.completed());
    return String.format(Locale.ROOT, "; CPU per task: JVM %.0f us, PostgreSQL %s", u.jvmMicrosPerTask(r.completed()),
        pg == null ? "n/a (" + u.why() + ")" : String.format(Locale.ROOT, "%.0f us, %.2f cores busy", pg,
            (u.jvmSeconds() + u.postgresSeconds()) / r.seconds()));
  }

  private Map<String, Object> latencyJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("engine", "weft");
    m.put("ratePerSecond", latency.ratePerSecond());
    m.put("plannedSeconds", latency.plannedSeconds());
    m.put("seconds", round(latency.seconds()));
    m.put("tasks", latency.tasks());
    m.put("achievedPerSecond", latency.measured() ? round(latency.achievedPerSecond()) : null);
    m.put("paceHeld", latency.measured() && latency.paceHeld());
    m.put("p50Millis", latency.measured() ? latency.p50Millis() : null);
    m.put("p99Millis", latency.measured() ? latency.p99Millis() : null);
    m.put("maxMillis", latency.measured() ? latency.maxMillis() : null);
    if (!latency.measured()) {
      m.put("notMeasured", latency.failure());
    }
    return m;
  }

  public String text() {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "weft bench tasks (%s): %d no-op tasks per engine, %s, JDK %s, %d cpus%n",
        settings.quick() ? "quick" : "full", settings.tasks(), settings.forkEach() ? "each engine in a JVM of its own"
            : "all engines in one JVM", Runtime.version(), Runtime.getRuntime().availableProcessors()));
    for (Throughput r : results) {
      s.append(r.measured()
          ? String.format(Locale.ROOT, "%-13s %9.0f tasks/s  (%d in %.2f s%s; %s)%n", r.engine(), r.perSecond(),
              r.completed(), r.seconds(), cpuText(r), r.settings())
          : String.format(Locale.ROOT, "%-13s not measured: %s%n", r.engine(), r.failure()));
    }
    for (String peer : List.of("db-scheduler", "jobrunr")) {
      s.append(String.format(Locale.ROOT, "weft/%s: %s%s%n", peer,
          ratio(peer).map(v -> String.format(Locale.ROOT, "%.2fx", v)).orElse("n/a"),
          peer.equals("db-scheduler") ? String.format(Locale.ROOT, " (target %.0fx)", TARGET) : ""));
    }
    s.append(latency.measured()
        ? String.format(Locale.ROOT, "weft submit-to-start at %d tasks/s planned for %d s (%d tasks, submitted in %.1f s"
            + " = %.0f/s%s): p50 %d ms, p99 %d ms, max %d ms%n", latency.ratePerSecond(), latency.plannedSeconds(),
            latency.tasks(), latency.seconds(), latency.achievedPerSecond(),
            latency.paceHeld() ? "" : ", PACE NOT HELD", latency.p50Millis(), latency.p99Millis(), latency.maxMillis())
        : "weft submit-to-start: not measured: " + latency.failure() + System.lineSeparator());
    return s.toString();
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
