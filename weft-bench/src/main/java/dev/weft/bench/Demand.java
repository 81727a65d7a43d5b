package dev.weft.bench;

import dev.weft.model.Node;
import dev.weft.model.Resources;
import dev.weft.model.TaskSpec;
import java.util.List;

/** What a workload asks of a cluster: its total demand as a percentage of the cluster's capacity. */
record Demand(double cpuPercent, double memoryPercent, double gpuPercent) {

  static Demand of(List<Node> nodes, List<TaskSpec> tasks) {
    Resources capacity = Resources.ZERO;
    for (Node n : nodes) {
      capacity = capacity.plus(n.capacity());
    }
    Resources asked = Resources.ZERO;
    for (TaskSpec t : tasks) {
      asked = asked.plus(t.resources());
    }
    return new Demand(percent(asked.cpuMillis(), capacity.cpuMillis()),
        percent(asked.memoryMiB(), capacity.memoryMiB()), percent(asked.gpus(), capacity.gpus()));
  }

  private static double percent(long part, long whole) {
    return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 10.0;
  }
}
