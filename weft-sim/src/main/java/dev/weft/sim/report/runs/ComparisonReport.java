package dev.weft.sim.report.runs;

import dev.weft.sim.report.Axis;
import dev.weft.sim.report.BarChart;
import dev.weft.sim.report.Report;
import dev.weft.sim.report.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report of several runs of one workload (policies side by side): how they were set up, their
 * figures in one table (best in bold), average bounded slowdown as bars, wait distributions and
 * utilisation over time with one line per run. {@link #toReport()} returns a {@link Report} to
 * which callers may add sections.
 *
 * <pre>{@code
 * ComparisonReport.of("Lublin-1: heuristics", List.of(new LabelledResult("fcfs", r1), new LabelledResult("sjf", r2)), 256)
 *     .setting("workload", "lublin_256.swf").toReport().write(path);
 * }</pre>
 */
public final class ComparisonReport {
  private final String title;
  private final List<LabelledResult> runs;
  private final double clusterCpus;
  private final Map<String, String> settings = new LinkedHashMap<>();

  private ComparisonReport(String title, List<LabelledResult> runs, double clusterCpus) {
    this.title = title;
    this.runs = List.copyOf(runs);
    this.clusterCpus = clusterCpus;
  }

  /** @param clusterCpus the CPUs of the whole cluster (the same for every run) */
  public static ComparisonReport of(String title, List<LabelledResult> runs, double clusterCpus) {
    return new ComparisonReport(title, runs, clusterCpus);
  }

  /** A line of the "Runs" table: what all runs share (workload, cluster...), in the order given. */
  public ComparisonReport setting(String name, String value) {
    settings.put(name, value);
    return this;
  }

  public Report toReport() {
    Report report = Report.titled(title).paragraph(runs.size() + " runs of the same workload.");
    if (!settings.isEmpty()) {
      Table table = Table.of("setting", "value");
      settings.forEach(table::row);
      report.section("Runs").table(table);
    }
    report.section("Figures").table(FiguresTable.compare(runs)).chart(slowdownBars());
    report.section("Waits").chart(WaitTimes.cdf(runs));
    report.section("Utilisation").chart(UtilisationOverTime.chart(runs, clusterCpus));
    return report;
  }

  /** On a log axis when the runs differ by more than twentyfold, so the good ones stay visible. */
  private BarChart slowdownBars() {
    double least = runs.stream().mapToDouble(r -> r.result().avgBoundedSlowdown()).min().orElse(1);
    double most = runs.stream().mapToDouble(r -> r.result().avgBoundedSlowdown()).max().orElse(1);
    String title = "average bounded slowdown (runs shorter than 10 s count as 10 s)";
    boolean log = least >= 1 && most / least > 20;
    BarChart chart = BarChart.titled("Average bounded slowdown").note(log ? "lower is better; log axis" : "lower is better")
        .x(log ? Axis.log(title) : Axis.linear(title));
    runs.forEach(r -> chart.bar(r.label(), r.result().avgBoundedSlowdown()));
    return chart;
  }
}
