package dev.weft.sim.report.runs;

import dev.weft.sim.metrics.SimResult;
import dev.weft.sim.metrics.TaskRecord;
import dev.weft.sim.report.Num;
import dev.weft.sim.report.Report;
import dev.weft.sim.report.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The report of one run: how it was set up, its figures overall and per queue, the distribution of
 * waits, utilisation over time, the tasks that never ran and, when asked (workflows), the schedule
 * as a Gantt chart. {@link #toReport()} returns a {@link Report} to which callers may add sections
 * before writing it.
 *
 * <pre>{@code
 * SimulationReport.of(result, 256, "fcfs + easy").setting("workload", "lublin_256.swf")
 *     .toReport().section("GPU allocation").chart(myChart).write(path);
 * }</pre>
 */
public final class SimulationReport {
  private final SimResult result;
  private final double clusterCpus;
  private final String label;
  private final Map<String, String> settings = new LinkedHashMap<>();
  private Function<TaskRecord, String> gantt;

  private SimulationReport(SimResult result, double clusterCpus, String label) {
    this.result = result;
    this.clusterCpus = clusterCpus;
    this.label = label;
  }

  /**
   * @param clusterCpus the CPUs of the whole cluster (for utilisation over time)
   * @param label what the run is called in titles and legends, e.g. {@code "fcfs, easy backfilling"}
   */
  public static SimulationReport of(SimResult result, double clusterCpus, String label) {
    return new SimulationReport(result, clusterCpus, label);
  }

  /** A line of the "Run" table: how the run was set up (workload, cluster, policy...), in the order given. */
  public SimulationReport setting(String name, String value) {
    settings.put(name, value);
    return this;
  }

  /** Adds the schedule as a Gantt chart, tasks coloured by {@code colourBy} (e.g. {@link TaskGantt#BY_TYPE}). */
  public SimulationReport gantt(Function<TaskRecord, String> colourBy) {
    this.gantt = colourBy;
    return this;
  }

  public Report toReport() {
    List<LabelledResult> run = List.of(new LabelledResult(label, result));
    Report report = Report.titled("Weft simulation: " + label).paragraph(summary());
    if (!settings.isEmpty()) {
      Table table = Table.of("setting", "value");
      settings.forEach(table::row);
      report.section("Run").table(table);
    }
    report.section("Figures").table(FiguresTable.of(result)).table(FiguresTable.perQueue(result).caption("Per queue"));
    report.section("Waits").chart(WaitTimes.cdf(run)).chart(WaitTimes.histogram(run));
    report.section("Utilisation").chart(UtilisationOverTime.chart(run, clusterCpus));
    if (gantt != null) {
      report.section("Schedule").chart(TaskGantt.of("Schedule", result.tasks(), gantt));
    }
    if (result.stuck() > 0 || result.rejected() > 0) {
      report.section("Tasks that did not finish").table(Leftovers.table(result));
    }
    return report;
  }

  private String summary() {
    return Num.count(result.jobs()) + " jobs finished" + (result.rejected() > 0 ? ", " + Num.count(result.rejected())
        + " rejected (they fit no node)" : "") + (result.stuck() > 0 ? ", " + Num.count(result.stuck())
        + " stuck (still pending when nothing more could happen)" : "") + ".";
  }
}
