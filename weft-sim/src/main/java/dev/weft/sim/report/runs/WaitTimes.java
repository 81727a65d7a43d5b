package dev.weft.sim.report.runs;

import dev.weft.sim.metrics.SimResult;
import dev.weft.sim.report.Axis;
import dev.weft.sim.report.Cdf;
import dev.weft.sim.report.Histogram;
import dev.weft.sim.report.LineChart;
import java.util.List;

/**
 * How long tasks waited, as charts with a log time axis (waits span seconds to days): the share of
 * tasks that waited at most x, one line per run, and a histogram. Waits under a second count at the
 * left edge, so the left end of a line is the share of tasks that (almost) did not wait.
 */
public final class WaitTimes {
  private static final int CDF_POINTS = 300;
  private static final String NOTE = "log time axis; waits under 1 s are counted at the left edge";

  private WaitTimes() {}

  /** Every finished task's wait, in seconds, in the order of the records. */
  public static double[] seconds(SimResult result) {
    return result.tasks().stream().mapToDouble(t -> t.waitMillis() / 1000.0).toArray();
  }

  /** The distribution of waits of each run, one line per run. */
  public static LineChart cdf(List<LabelledResult> runs) {
    LineChart chart = LineChart.titled("Wait-time distribution").note(NOTE).steps()
        .x(Axis.log("wait").seconds().from(1)).y(Axis.linear("share of jobs that waited at most x")
            .percent().range(0, 1));
    runs.forEach(r -> chart.series(Cdf.of(r.label(), seconds(r.result()), true, CDF_POINTS)));
    return chart;
  }

  /** A histogram of the waits of each run, bars side by side. */
  public static Histogram histogram(List<LabelledResult> runs) {
    Histogram chart = Histogram.titled("Wait-time histogram").note(NOTE)
        .x(Axis.log("wait").seconds().from(1)).yTitle("share of jobs");
    runs.forEach(r -> chart.series(r.label(), seconds(r.result())));
    return chart;
  }
}
