package dev.weft.scheduler.dag;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The order in which list scheduling takes tasks: repeatedly the ready task (all predecessors
 * taken) with the highest priority, ties to the lowest index. When priorities strictly decrease
 * along every edge, as upward ranks do with positive costs, this is simply "by decreasing
 * priority"; taking only ready tasks keeps the order valid when zero costs make ranks tie.
 */
final class PriorityOrder {
  /**
   * Priorities are compared to 12 significant digits: mean costs are thirds and the like, so two
   * ranks that are equal on paper (n3 and n4 of the HEFT paper graph, both 80) come out a few ulps
   * apart, and the tie must still go to the lower index.
   */
  private static final MathContext COMPARED_DIGITS = new MathContext(12);

  private PriorityOrder() {
  }

  static int[] of(HeterogeneousDag dag, double[] priority) {
    int n = dag.tasks();
    double[] key = new double[n];
    int[] waitingFor = new int[n];
    PriorityQueue<Integer> ready = new PriorityQueue<>(
        Comparator.<Integer>comparingDouble(t -> -key[t]).thenComparingInt(t -> t));
    for (int t = 0; t < n; t++) {
      key[t] = new BigDecimal(priority[t]).round(COMPARED_DIGITS).doubleValue();
      waitingFor[t] = dag.predecessors(t).length;
      if (waitingFor[t] == 0) {
        ready.add(t);
      }
    }
    int[] order = new int[n];
    for (int k = 0; k < n; k++) {
      int t = ready.remove();
      order[k] = t;
      for (int s : dag.successors(t)) {
        if (--waitingFor[s] == 0) {
          ready.add(s);
        }
      }
    }
    return order;
  }
}
