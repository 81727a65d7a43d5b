package dev.weft.cli.simulate;

import dev.weft.sim.gpu.GpuReplayResult;
import dev.weft.sim.report.Axis;
import dev.weft.sim.report.LineChart;
import dev.weft.sim.report.LineSeries;
import dev.weft.sim.report.Num;
import dev.weft.sim.report.Report;
import dev.weft.sim.report.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --report} of a GPU placement replay: the ratio at 100% demand per policy beside the
 * published FGD results, and the allocation ratio against arrived demand, one line per policy.
 */
final class GpuReplayReport {
  private static final String PUBLISHED = "published (FGD, ATC'23, default trace): Random 86.30, DotProd 90.62,"
      + " GpuClustering 91.65, GpuPacking 91.78, BestFit 92.86, FGD 95.23";

  private GpuReplayReport() {}

  static Report of(String source, int pods, int nodes, List<GpuReplayResult> results) {
    Table table = Table.of("policy", "allocation at 100% demand (%)", "seeds", "pods per run", "pods no node took")
        .caption(PUBLISHED);
    for (GpuReplayResult r : results) {
      table.row(r.policy().wire(), Num.fixed(r.allocationAtFullDemand(), 2), String.valueOf(r.seeds().size()),
          Num.fixed(r.pods(), 0), Num.fixed(r.unplaced(), 1));
    }
    List<LineSeries> curves = new ArrayList<>();
    for (GpuReplayResult r : results) {
      List<LineSeries.Point> points = new ArrayList<>();
      for (int p = 0; p <= r.curve().topPercent(); p++) {
        double y = r.curve().at(p);
        if (!Double.isNaN(y)) {
          points.add(new LineSeries.Point(p / 100.0, y / 100.0));
        }
      }
      curves.add(new LineSeries(r.policy().wire(), points));
    }
    return Report.titled("GPU placement replay: " + source)
        .paragraph(Num.count(pods) + " pods on " + Num.count(nodes) + " nodes; pods arrive one at a time and never"
            + " leave; every pod goes through Weft's placement pipeline.")
        .section("Allocation at full demand").table(table)
        .section("Allocation ratio against arrived demand")
        .chart(LineChart.titled("GPU allocation ratio vs arrived GPU demand")
            .x(Axis.linear("arrived GPU demand").percent().from(0))
            .y(Axis.linear("allocated GPUs").percent().range(0, 1))
            .series(curves));
  }
}
