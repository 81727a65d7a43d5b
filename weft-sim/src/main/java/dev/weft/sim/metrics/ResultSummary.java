package dev.weft.sim.metrics;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Computes the figures of a {@link SimResult} from the records of finished tasks. */
public final class ResultSummary {
  /** The bounded-slowdown threshold: runs shorter than this count as this long. */
  public static final long SLOWDOWN_THRESHOLD_MILLIS = 10_000;

  private final long clusterCpuMillis;

  /** @param clusterCpuMillis the CPU capacity of the whole cluster, in millicores */
  public ResultSummary(long clusterCpuMillis) {
    this.clusterCpuMillis = clusterCpuMillis;
  }

  /** What went wrong apart from the finished tasks: rejected and stuck ids, and why the stuck ones waited. */
  public record Leftovers(List<String> rejected, List<String> stuck, Map<String, String> stuckReasons,
                          int preemptions) {}

  public SimResult summarize(List<TaskRecord> tasks, Leftovers left) {
    long firstSubmit = tasks.stream().mapToLong(TaskRecord::submitMillis).min().orElse(0);
    long lastFinish = tasks.stream().mapToLong(TaskRecord::finishMillis).max().orElse(0);
    double makespan = seconds(lastFinish - firstSubmit);
    double work = tasks.stream().mapToDouble(t -> (double) t.cpuMillis() * t.runtimeMillis()).sum();
    double utilization = makespan <= 0 || clusterCpuMillis <= 0 ? 0 : work / (clusterCpuMillis * (lastFinish - firstSubmit));
    QueueMetrics all = metricsOf(tasks);
    Map<String, QueueMetrics> queues = tasks.stream()
        .collect(Collectors.groupingBy(TaskRecord::queue, TreeMap::new, Collectors.toList()))
        .entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> metricsOf(e.getValue()), (a, b) -> a, LinkedHashMap::new));
    double maxWait = seconds(tasks.stream().mapToLong(TaskRecord::waitMillis).max().orElse(0));
    return new SimResult(all.jobs(), all.avgWait(), all.avgTurnaround(), all.avgBoundedSlowdown(), makespan,
        utilization, maxWait, queues, left.preemptions(), left.rejected().size(), firstIds(left.rejected()),
        left.stuck().size(), firstIds(left.stuck()), left.stuckReasons(), tasks);
  }

  private static QueueMetrics metricsOf(Collection<TaskRecord> tasks) {
    if (tasks.isEmpty()) {
      return new QueueMetrics(0, 0, 0, 0);
    }
    double n = tasks.size();
    double wait = tasks.stream().mapToLong(TaskRecord::waitMillis).sum() / n;
    double turnaround = tasks.stream().mapToLong(TaskRecord::turnaroundMillis).sum() / n;
    double slowdown = tasks.stream().mapToDouble(t -> t.boundedSlowdown(SLOWDOWN_THRESHOLD_MILLIS)).sum() / n;
    return new QueueMetrics(tasks.size(), seconds(wait), seconds(turnaround), slowdown);
  }

  private static List<String> firstIds(List<String> ids) {
    return ids.subList(0, Math.min(ids.size(), SimResult.LISTED_IDS));
  }

  private static double seconds(double millis) {
    return millis / 1000.0;
  }
}
