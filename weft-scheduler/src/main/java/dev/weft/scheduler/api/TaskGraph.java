package dev.weft.scheduler.api;

import java.util.List;
import java.util.Map;

/**
 * The unfinished tasks of DAG jobs: for each task id its successors and its estimated run time
 * (ms). The critical-path policy ranks pending tasks by their upward rank over this graph.
 */
public record TaskGraph(Map<String, List<String>> successors, Map<String, Long> estimates) {
  public static final TaskGraph EMPTY = new TaskGraph(Map.of(), Map.of());

  public TaskGraph {
    successors = Map.copyOf(successors);
    estimates = Map.copyOf(estimates);
  }
}
