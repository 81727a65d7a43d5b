package dev.weft.model;

import java.util.List;
import java.util.Map;

/** A machine that runs tasks: its capacity, labels, taints and place in the topology. */
public record Node(String id, Resources capacity, Map<String, String> labels, List<Taint> taints, TopologyPath topology) {
  public Node {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    taints = taints == null ? List.of() : List.copyOf(taints);
    topology = topology == null ? TopologyPath.DEFAULT : topology;
  }

  public static Node of(String id, Resources capacity) {
    return new Node(id, capacity, Map.of(), List.of(), TopologyPath.DEFAULT);
  }
}
