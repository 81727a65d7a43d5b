package dev.weft.bench.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The cells and the ratios the issue asks for: weft-memory over sdk-java (target 2x) and
 * weft-durable over flowable (target 5x), per workflow and thread count, from the means.
 */
public record WorkflowReport(Schedule schedule, List<CellResult> cells, String startedAt, double loadAverageAtStart) {
  public static final double MEMORY_TARGET = 2.0;
  public static final double DURABLE_TARGET = 5.0;

  /** One ratio: null when either side was not measured. */
  public record Ratio(BenchWorkflow workflow, int threads, String weft, String peer, Double ratio, double target) {
    public boolean met() {
      return ratio != null && ratio >= target;
    }
  }

  public List<Ratio> ratios() {
    List<Ratio> out = new ArrayList<>();
    for (BenchWorkflow w : workflowsRun()) {
      for (int threads : threadsRun()) {
        out.add(ratio(w, threads, "weft-memory", "sdk-java", MEMORY_TARGET));
        out.add(ratio(w, threads, "weft-durable", "flowable", DURABLE_TARGET));
      }
    }
    return out;
  }

  /**
   * weft-durable over Flowable on H2's defaults, where Flowable's commits reach the file up to
   * 500 ms late (weft-store writes each one): no target, shown so the reader sees both.
   */
  public List<Ratio> informationalRatios() {
    List<Ratio> out = new ArrayList<>();
    for (BenchWorkflow w : workflowsRun()) {
      for (int threads : threadsRun()) {
        out.add(ratio(w, threads, "weft-durable", "flowable-h2-defaults", Double.NaN));
      }
    }
    return out;
  }

  /** The workflows some cell ran ({@code --workflow} may leave some out), in their order. */
  private List<BenchWorkflow> workflowsRun() {
    return cells.stream().map(CellResult::workflow).distinct().sorted().toList();
  }

  /** The thread counts some cell ran, ascending. */
  private List<Integer> threadsRun() {
    return cells.stream().map(CellResult::threads).distinct().sorted().toList();
  }

  private Ratio ratio(BenchWorkflow w, int threads, String weft, String peer, double target) {
    Optional<CellResult> a = cell(w, weft, threads);
    Optional<CellResult> b = cell(w, peer, threads);
    Double r = a.isPresent() && b.isPresent() ? a.get().mean() / b.get().mean() : null;
    return new Ratio(w, threads, weft, peer, r, target);
  }

  private Optional<CellResult> cell(BenchWorkflow w, String engine, int threads) {
    return cells.stream().filter(c -> c.workflow() == w && c.engine().equals(engine) && c.threads() == threads
        && c.measured()).findFirst();
  }

  public boolean allTargetsMet() {
    return ratios().stream().allMatch(Ratio::met);
  }

  public Map<String, Object> json() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("benchmark", "workflow");
    out.put("mode", schedule.mode());
    out.put("startedAt", startedAt);
    out.put("jdk", Runtime.version().toString());
    out.put("cpus", Runtime.getRuntime().availableProcessors());
    out.put("loadAverageAtStart", loadAverageAtStart);
    out.put("engineWarmupSecondsPerWorkflow", schedule.engineWarmup().toMillis() / 1000.0);
    out.put("warmupSeconds", schedule.warmup().toMillis() / 1000.0);
    out.put("iterationSeconds", schedule.iteration().toMillis() / 1000.0);
    out.put("iterations", schedule.iterations());
    List<Map<String, Object>> cellList = new ArrayList<>();
    for (CellResult c : cells) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("workflow", c.workflow().name());
      m.put("engine", c.engine());
      m.put("threads", c.threads());
      if (c.measured()) {
        m.put("instancesPerSecond", round(c.mean()));
        m.put("minPerSecond", round(c.min()));
        m.put("maxPerSecond", round(c.max()));
        m.put("perIteration", c.perIteration().stream().map(WorkflowReport::round).toList());
        m.put("instances", c.instances());
        m.put("outputsChecked", c.checked());
      } else {
        m.put("instancesPerSecond", null);
        m.put("notMeasured", c.failure());
      }
      cellList.add(m);
    }
    out.put("cells", cellList);
    List<Map<String, Object>> ratioList = new ArrayList<>();
    for (Ratio r : ratios()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("workflow", r.workflow().name());
      m.put("threads", r.threads());
      m.put("ratio", r.weft() + "/" + r.peer());
      m.put("value", r.ratio() == null ? null : Math.round(r.ratio() * 100) / 100.0);
      m.put("target", r.target());
      m.put("met", r.met());
      ratioList.add(m);
    }
    out.put("ratios", ratioList);
    List<Map<String, Object>> infoList = new ArrayList<>();
    for (Ratio r : informationalRatios()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("workflow", r.workflow().name());
      m.put("threads", r.threads());
      m.put("ratio", r.weft() + "/" + r.peer());
      m.put("value", r.ratio() == null ? null : Math.round(r.ratio() * 100) / 100.0);
      infoList.add(m);
    }
    out.put("informationalRatios", infoList);
    out.put("allTargetsMet", allTargetsMet());
    return out;
  }

  public String text() {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "weft bench workflow (%s): %s, JDK %s, %d cpus, load %.2f at start%n",
        schedule.mode(), startedAt, Runtime.version(), Runtime.getRuntime().availableProcessors(), loadAverageAtStart));
    s.append(String.format(Locale.ROOT, "%-3s %-13s %7s %14s %21s%n", "wf", "engine", "threads", "instances/s", "min..max"));
    for (CellResult c : cells) {
      s.append(c.measured()
          ? String.format(Locale.ROOT, "%-3s %-13s %7d %14.0f %21s%n", c.workflow(), c.engine(), c.threads(), c.mean(),
              String.format(Locale.ROOT, "%.0f..%.0f", c.min(), c.max()))
          : String.format(Locale.ROOT, "%-3s %-13s %7d   not measured: %s%n", c.workflow(), c.engine(), c.threads(), c.failure()));
    }
    s.append(System.lineSeparator());
    for (Ratio r : ratios()) {
      s.append(String.format(Locale.ROOT, "%s %d thread(s) %s/%s: %s (target %.0fx) %s%n", r.workflow(), r.threads(),
          r.weft(), r.peer(), r.ratio() == null ? "n/a" : String.format(Locale.ROOT, "%.2fx", r.ratio()), r.target(),
          r.met() ? "met" : "MISSED"));
    }
    for (Ratio r : informationalRatios()) {
      s.append(String.format(Locale.ROOT, "%s %d thread(s) %s/%s: %s (no target)%n", r.workflow(), r.threads(),
          r.weft(), r.peer(), r.ratio() == null ? "n/a" : String.format(Locale.ROOT, "%.2fx", r.ratio())));
    }
    return s.toString();
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
