package dev.weft.scheduler.api;

import dev.weft.model.Node;
import dev.weft.model.QueueSpec;
import java.util.List;
import java.util.Map;

/**
 * A read-only snapshot of the cluster for one planning round: schedulable nodes, the tasks
 * running on them, the queue tree, and what the scheduler may learn from history.
 *
 * @param recentRuntimes per user, the actual run times (ms) of that user's finished tasks, most
 *     recent last (EASY++ predicts from the last two)
 * @param graph the DAG jobs the pending tasks belong to, for critical-path ranking
 */
public record ClusterView(List<Node> nodes, List<RunningTask> running, QueueSpec queues,
                          Map<String, List<Long>> recentRuntimes, TaskGraph graph) {
  public ClusterView {
    nodes = List.copyOf(nodes);
    running = List.copyOf(running);
    recentRuntimes = recentRuntimes == null ? Map.of() : recentRuntimes;
    graph = graph == null ? TaskGraph.EMPTY : graph;
  }

  public static ClusterView of(List<Node> nodes, List<RunningTask> running, QueueSpec queues) {
    return new ClusterView(nodes, running, queues, Map.of(), TaskGraph.EMPTY);
  }
}
