package dev.weft.scheduler.dag;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code dag-lookahead} policy's planner: instead of ranking tasks one by one, it plans the
 * rest of the DAG onto the cluster and offers the ready tasks in the order the plan starts them.
 *
 * <p>From the current state (what runs and until when, what is ready, what waits for what) it
 * builds a list schedule of every task still to start for each {@link LookaheadRule}, improves
 * each by forward-backward {@link Justification}, and keeps the plan that ends first (the
 * upward-rank plan on ties). The cluster is seen as one pool of CPU, so fragmentation across
 * nodes is ignored; run times are the estimates. Because the plan is rebuilt every round, it
 * follows the actual state rather than its own past guesses.
 *
 * <p>Cost: a few list schedules of the remaining tasks per round, each about
 * {@code O(n log n)} plus {@code O(n * breakpoints)} for the justification passes.
 */
public final class DagLookahead {
  private DagLookahead() {}

  /**
   * Plans the tasks of {@code in}.
   *
   * @throws IllegalArgumentException when the graph has a cycle, naming an edge of it
   */
  public static LookaheadPlan plan(LookaheadInput in) {
    LookaheadProblem p = new LookaheadProblem(in);
    long[] bestStart = null;
    int[] bestPosition = null;
    LookaheadRule bestRule = null;
    for (LookaheadRule rule : LookaheadRule.values()) {
      int[] position = rule.positions(p);
      long[] start = Justification.improve(p, GreedyListSchedule.of(p, position));
      if (bestStart == null || Justification.makespan(p, start) < Justification.makespan(p, bestStart)) {
        bestStart = start;
        bestPosition = position;
        bestRule = rule;
      }
    }
    return toPlan(in, p, bestStart, bestPosition, bestRule);
  }

  private static LookaheadPlan toPlan(LookaheadInput in, LookaheadProblem p, long[] start, int[] position,
                                      LookaheadRule rule) {
    Map<String, Long> starts = new HashMap<>();
    Map<String, Integer> index = new HashMap<>();
    for (int t = 0; t < p.size(); t++) {
      starts.put(p.ids.get(t), start[t]);
      index.put(p.ids.get(t), t);
    }
    Set<String> ready = in.ready().stream().map(LookaheadInput.Ready::taskId).collect(Collectors.toSet());
    List<String> order = ready.stream().filter(index::containsKey)
        .sorted(Comparator.comparingLong((String id) -> start[index.get(id)]).thenComparingInt(id -> position[index.get(id)]))
        .toList();
    return new LookaheadPlan(starts, Justification.makespan(p, start), rule.wire(), order);
  }

  /** The ready tasks' ranks for a leaf ordered highest first: the first to offer ranks highest. */
  public static Map<String, Double> ranks(LookaheadPlan plan) {
    Map<String, Double> ranks = new HashMap<>();
    List<String> order = plan.readyOrder();
    for (int k = 0; k < order.size(); k++) {
      ranks.put(order.get(k), (double) (order.size() - k));
    }
    return ranks;
  }
}
