package dev.weft.scheduler.placement;

/** How full a node would be once a task is placed, averaged over the dimensions the task uses. */
final class Utilisation {
  private Utilisation() {}

  static double after(long[] need, NodeState node) {
    double sum = 0;
    int dims = 0;
    for (int d = 0; d < need.length; d++) {
      if (need[d] > 0 && node.capacity[d] > 0) {
        sum += (double) (node.capacity[d] - node.free[d] + need[d]) / node.capacity[d];
        dims++;
      }
    }
    return dims == 0 ? 0 : sum / dims;
  }

  static double fraction(long[] need, NodeState node, int d) {
    return node.capacity[d] == 0 ? 0 : (double) (node.capacity[d] - node.free[d] + need[d]) / node.capacity[d];
  }
}
