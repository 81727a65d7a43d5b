package dev.weft.scheduler.dag;

import dev.weft.scheduler.api.TaskGraph;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Upward ranks on a homogeneous task graph, the priority of the {@code critical-path} queue policy:
 * {@code rank(t) = estimate(t) + max over successors s of rank(s)}, the length of the longest
 * chain of estimates from t to the end of its job. With no communication costs and one kind of
 * processor this is HEFT's upward rank.
 */
public final class UpwardRanks {
  private UpwardRanks() {
  }

  /**
   * The rank of every task the graph mentions, as an estimate key, a successor key or a successor.
   * A task without an estimate counts as 0 ms. Computed without recursion, so a 10,000-task chain
   * is fine; the map iterates in task-id order. Same graph, same map.
   *
   * @throws IllegalArgumentException naming an edge that closes a cycle
   */
  public static Map<String, Double> of(TaskGraph graph) {
    List<String> ids = new ArrayList<>(taskIds(graph));
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      index.put(ids.get(i), i);
    }
    int[][] successors = new int[ids.size()][];
    for (int i = 0; i < ids.size(); i++) {
      successors[i] = graph.successors().getOrDefault(ids.get(i), List.of()).stream()
          .mapToInt(index::get).toArray();
    }
    int[] order = TopologicalOrder.of(ids.size(), t -> successors[t], ids::get);
    double[] rank = new double[ids.size()];
    for (int k = order.length - 1; k >= 0; k--) {
      int t = order[k];
      double longestTail = 0;
      for (int s : successors[t]) {
        longestTail = Math.max(longestTail, rank[s]);
      }
      rank[t] = graph.estimates().getOrDefault(ids.get(t), 0L) + longestTail;
    }
    Map<String, Double> ranks = new TreeMap<>();
    for (int i = 0; i < ids.size(); i++) {
      ranks.put(ids.get(i), rank[i]);
    }
    return Collections.unmodifiableMap(ranks);
  }

  private static SortedSet<String> taskIds(TaskGraph graph) {
    SortedSet<String> ids = new TreeSet<>(graph.estimates().keySet());
    graph.successors().forEach((task, next) -> {
      ids.add(task);
      ids.addAll(next);
    });
    return ids;
  }
}
