package dev.weft.scheduler.dag;

/**
 * The upward and downward ranks of the HEFT paper, computed with each task's mean run time over
 * all processors and each edge's data volume divided by the mean bandwidth between distinct
 * processors (the paper's w-bar and c-bar; there is no start-up latency in this model).
 */
final class MeanCostRanks {
  private MeanCostRanks() {
  }

  /**
   * {@code rank_u(t) = w(t) + max over successors s of (c(t,s) + rank_u(s))}: the length of the
   * longest mean-cost path from the start of t to the end of the graph.
   */
  static double[] upward(HeterogeneousDag dag) {
    double meanBandwidth = dag.meanBandwidth();
    int[] order = topologicalOrder(dag);
    double[] rank = new double[dag.tasks()];
    for (int k = order.length - 1; k >= 0; k--) {
      int t = order[k];
      double longestTail = 0;
      for (int s : dag.successors(t)) {
        longestTail = Math.max(longestTail, dag.data(t, s) / meanBandwidth + rank[s]);
      }
      rank[t] = dag.meanCost(t) + longestTail;
    }
    return rank;
  }

  /**
   * {@code rank_d(t) = max over predecessors q of (rank_d(q) + w(q) + c(q,t))}, 0 for an entry
   * task: the length of the longest mean-cost path from the start of the graph to the start of t.
   */
  static double[] downward(HeterogeneousDag dag) {
    double meanBandwidth = dag.meanBandwidth();
    double[] rank = new double[dag.tasks()];
    for (int t : topologicalOrder(dag)) {
      for (int q : dag.predecessors(t)) {
        rank[t] = Math.max(rank[t], rank[q] + dag.meanCost(q) + dag.data(q, t) / meanBandwidth);
      }
    }
    return rank;
  }

  private static int[] topologicalOrder(HeterogeneousDag dag) {
    return TopologicalOrder.of(dag.tasks(), dag::successors, HeterogeneousDag::taskName);
  }
}
