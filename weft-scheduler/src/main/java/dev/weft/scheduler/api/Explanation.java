package dev.weft.scheduler.api;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Why a task was not placed: a headline (queue over its max, waiting behind the head of its
 * queue, no node fits...) and, when nodes were examined, how many nodes rejected it per reason.
 */
public record Explanation(String taskId, String summary, Map<String, Integer> nodeRejections) {
  public Explanation {
    nodeRejections = Map.copyOf(nodeRejections);
  }

  /** One line for humans, in the style of "0/5000 nodes are available: 4998 insufficient cpu, ...". */
  public String message() {
    if (nodeRejections.isEmpty()) {
      return summary;
    }
    return summary + ": " + nodeRejections.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(e -> e.getValue() + " " + e.getKey())
        .collect(Collectors.joining(", "));
  }
}
