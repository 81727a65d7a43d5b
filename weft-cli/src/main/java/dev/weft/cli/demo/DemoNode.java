package dev.weft.cli.demo;

import java.util.List;

/**
 * One agent of the demo cluster: its node id, where it sits in the topology and what it offers.
 * The capacities are given to the agent as overrides ({@code --cpus}, {@code --memory}), not
 * measured: they are chosen so the batch contends for room, whatever machine the demo runs on.
 */
record DemoNode(String name, String topology, int cpus, String memory) {
  /** Two small nodes in zone-a, one node of four CPUs in zone-b (the only one a four-CPU task fits). */
  static final List<DemoNode> THREE = List.of(
      new DemoNode("node-a", "eu/zone-a/rack-1", 2, "2Gi"),
      new DemoNode("node-b", "eu/zone-a/rack-2", 2, "2Gi"),
      new DemoNode("node-c", "eu/zone-b/rack-1", 4, "4Gi"));
}
