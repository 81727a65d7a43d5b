package dev.weft.cli.simulate;

import dev.weft.sim.report.Axis;
import dev.weft.sim.report.BarChart;
import dev.weft.sim.report.Num;
import dev.weft.sim.report.Report;
import dev.weft.sim.report.Table;
import dev.weft.sim.report.runs.ComparisonReport;
import dev.weft.sim.report.runs.LabelledResult;
import java.util.List;

/**
 * The {@code --report} of {@code simulate compare}: on a cluster, the full comparison of the runs
 * (figures, wait distributions, utilisation); under the RLScheduler protocol, whose engines keep
 * per-sequence means, a table of the figures and the average bounded slowdown as bars.
 */
final class CompareHtml {
  private CompareHtml() {}

  static Report onCluster(SimulationSetup base, List<CompareRow> rows) {
    List<LabelledResult> runs = rows.stream().map(r -> new LabelledResult(r.name(), r.result())).toList();
    return ComparisonReport.of("Comparison on " + base.workload().source(), runs, RunReport.clusterCpus(base))
        .setting("cluster", base.cluster().describe()).toReport();
  }

  static Report onProtocol(String source, List<CompareRow> rows) {
    Table table = Table.of("configuration", "avg bounded slowdown", "avg wait (s)", "utilization");
    BarChart bars = BarChart.titled("Average bounded slowdown (lower is better)").x(Axis.log("bounded slowdown"));
    for (CompareRow r : rows) {
      table.row(r.name(), Num.fixed(r.figure("avgBoundedSlowdown"), 2), Num.fixed(r.figure("avgWait"), 1),
          Num.percent(r.figure("utilization")));
      bars.bar(r.name(), r.figure("avgBoundedSlowdown"));
    }
    return Report.titled("RLScheduler protocol on " + source)
        .paragraph("10 sequences of 1,024 jobs each on an empty machine; each figure is the mean of the"
            + " sequences' means (Zhang et al., SC'20). 'paper' rows replay the paper's rules, 'weft' rows run"
            + " Weft's planner on the same sequences.")
        .section("Figures").table(table)
        .section("Bounded slowdown").chart(bars);
  }
}
