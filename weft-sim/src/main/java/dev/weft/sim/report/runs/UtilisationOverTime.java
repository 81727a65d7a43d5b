package dev.weft.sim.report.runs;

import dev.weft.sim.metrics.TaskRecord;
import dev.weft.sim.report.Axis;
import dev.weft.sim.report.LineChart;
import dev.weft.sim.report.LineSeries;
import java.util.ArrayList;
import java.util.List;

/**
 * The share of the cluster's CPU that tasks held, over time, averaged in equal buckets from the
 * first submission to the last finish: a step series, x in seconds since the first submission, y a
 * fraction of 1. A task holds its CPU from its first start to its finish; a task that was preempted
 * is spread evenly over that interval (the records keep its work, not its pauses), so the area under
 * the series is always the run's work and its mean the run's utilization.
 */
public final class UtilisationOverTime {
  /** Buckets per series by default: fine enough to see the load change, small enough to draw fast. */
  public static final int DEFAULT_BUCKETS = 240;

  private UtilisationOverTime() {}

  /** A chart of the utilisation of each run over time, one line per run. */
  public static LineChart chart(List<LabelledResult> runs, double clusterCpus) {
    LineChart chart = LineChart.titled("Utilisation over time").steps()
        .note("CPU held by running tasks over the cluster's CPU, averaged over " + DEFAULT_BUCKETS + " equal intervals")
        .x(Axis.linear("time since the first submission").seconds()).y(Axis.linear("CPU in use").percent().range(0, 1));
    runs.forEach(r -> chart.series(of(r.label(), r.result().tasks(), clusterCpus, DEFAULT_BUCKETS)));
    return chart;
  }

  /**
   * @param clusterCpus the CPUs of the whole cluster
   * @throws IllegalArgumentException when {@code clusterCpus} or {@code buckets} is not positive
   */
  public static LineSeries of(String label, List<TaskRecord> tasks, double clusterCpus, int buckets) {
    if (clusterCpus <= 0 || buckets <= 0) {
      throw new IllegalArgumentException("utilisation needs a positive CPU count and bucket count, got "
          + clusterCpus + " CPUs and " + buckets + " buckets");
    }
    if (tasks.isEmpty()) {
      return new LineSeries(label, List.of());
    }
    long origin = tasks.stream().mapToLong(TaskRecord::submitMillis).min().orElseThrow();
    long end = tasks.stream().mapToLong(TaskRecord::finishMillis).max().orElseThrow();
    double width = Math.max(1, end - origin) / (double) buckets;
    double[] cpuMillis = new double[buckets];
    for (TaskRecord t : tasks) {
      spread(t, origin, width, cpuMillis);
    }
    List<LineSeries.Point> points = new ArrayList<>(buckets + 1);
    for (int b = 0; b < buckets; b++) {
      points.add(new LineSeries.Point(b * width / 1000, cpuMillis[b] / (clusterCpus * 1000 * width)));
    }
    points.add(new LineSeries.Point(buckets * width / 1000, points.get(buckets - 1).y()));
    return new LineSeries(label, points);
  }

  /** Adds the task's CPU-milliseconds to the buckets its interval overlaps. */
  private static void spread(TaskRecord t, long origin, double width, double[] cpuMillis) {
    double from = t.startMillis() - origin;
    double to = t.finishMillis() - origin;
    if (to <= from || t.runtimeMillis() <= 0) {
      return;
    }
    double rate = (double) t.cpuMillis() * t.runtimeMillis() / (to - from);
    int last = cpuMillis.length - 1;
    for (int b = Math.min(last, (int) (from / width)); b <= Math.min(last, (int) (to / width)); b++) {
      double overlap = Math.min(to, (b + 1) * width) - Math.max(from, b * width);
      if (overlap > 0) {
        cpuMillis[b] += rate * overlap;
      }
    }
  }
}
