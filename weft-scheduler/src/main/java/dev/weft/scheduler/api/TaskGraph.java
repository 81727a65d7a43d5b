package dev.weft.scheduler.api;

import java.util.List;
import java.util.Map;

/**
 * The unfinished tasks of DAG jobs: for each task id its successors, its estimated run time (ms)
 * and the CPU it asks for (millicores). The critical-path policy ranks pending tasks by their
 * upward rank over this graph; the dag-lookahead policy also plans the waiting tasks onto the
 * cluster, for which it needs their CPU.
 *
 * @param cpuMillis the CPU request of each task, when known ({@link #cpuOf} assumes one CPU otherwise)
 */
public record TaskGraph(Map<String, List<String>> successors, Map<String, Long> estimates,
                        Map<String, Long> cpuMillis) {
  public static final TaskGraph EMPTY = new TaskGraph(Map.of(), Map.of());

  /** What a task of unknown size is assumed to ask for: one CPU. */
  public static final long DEFAULT_CPU_MILLIS = 1000;

  public TaskGraph {
    successors = Map.copyOf(successors);
    estimates = Map.copyOf(estimates);
    cpuMillis = Map.copyOf(cpuMillis);
  }

  /** A graph whose tasks' CPU requests are unknown. */
  public TaskGraph(Map<String, List<String>> successors, Map<String, Long> estimates) {
    this(successors, estimates, Map.of());
  }

  /** The CPU request of {@code taskId} in millicores, {@link #DEFAULT_CPU_MILLIS} when unknown. */
  public long cpuOf(String taskId) {
    return cpuMillis.getOrDefault(taskId, DEFAULT_CPU_MILLIS);
  }
}
