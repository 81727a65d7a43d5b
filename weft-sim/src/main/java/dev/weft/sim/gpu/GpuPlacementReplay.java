package dev.weft.sim.gpu;

import dev.weft.model.Node;
import dev.weft.model.Resources;
import dev.weft.model.TaskSpec;
import dev.weft.scheduler.backfill.ReservationBook;
import dev.weft.scheduler.placement.AffinityIndex;
import dev.weft.scheduler.placement.NodeState;
import dev.weft.scheduler.placement.PlacementPlugins;
import dev.weft.scheduler.placement.PlacementRequest;
import dev.weft.scheduler.placement.Placer;
import dev.weft.scheduler.placement.TopologyTree;
import dev.weft.scheduler.placement.WorkloadProfile;
import dev.weft.scheduler.resources.ResourceSpace;
import java.util.ArrayList;
import java.util.List;

/**
 * Places pods one at a time, in the order given, never removing any, through the real placement
 * pipeline wired as a planning round wires it ({@link TopologyTree}, {@link PlacementPlugins},
 * {@link Placer}, then {@link TopologyTree#hold}). A pod no node can take is skipped and counted,
 * as in the FGD simulator. After every pod it records the arrived GPU demand and the allocated
 * GPU milli (both over all devices).
 */
public final class GpuPlacementReplay {
  private final List<Node> nodes;
  private final WorkloadProfile profile;

  /**
   * @param profile the task shapes the fragmentation scorer measures against
   * @throws IllegalArgumentException when no node has a GPU (no ratio can be measured)
   */
  public GpuPlacementReplay(List<Node> nodes, WorkloadProfile profile) {
    this.nodes = List.copyOf(nodes);
    this.profile = profile;
    if (clusterGpuMilli() == 0) {
      throw new IllegalArgumentException("the cluster has no GPU, so there is no GPU allocation to measure");
    }
  }

  /** GPU milli the cluster offers: 1000 per GPU. */
  public long clusterGpuMilli() {
    return nodes.stream().mapToLong(n -> n.capacity().gpus()).sum() * Resources.MILLI_PER_GPU;
  }

  public ReplayTrace run(List<TaskSpec> arrivals, GpuPolicy policy) {
    List<Resources> seen = new ArrayList<>(nodes.size() + arrivals.size());
    nodes.forEach(n -> seen.add(n.capacity()));
    arrivals.forEach(t -> seen.add(t.resources()));
    ResourceSpace space = ResourceSpace.of(seen);
    TopologyTree tree = new TopologyTree(nodes, space);
    List<long[]> free = tree.nodes().stream().map(NodeState::free).toList();
    PlacementPlugins plugins = new PlacementPlugins(space, policy.weights(), profile, new AffinityIndex(),
        new ReservationBook(free));
    Placer placer = new Placer(tree, plugins);
    long[] arrived = new long[arrivals.size() + 1];
    long[] allocated = new long[arrivals.size() + 1];
    int unplaced = 0;
    for (int t = 0; t < arrivals.size(); t++) {
      TaskSpec pod = arrivals.get(t);
      long milli = GpuArrivals.gpuMilli(pod);
      long[] need = space.vector(pod.resources());
      int node = placer.place(new PlacementRequest(pod, need, 0, Long.MAX_VALUE));
      arrived[t + 1] = arrived[t] + milli;
      allocated[t + 1] = allocated[t] + (node >= 0 ? milli : 0);
      if (node >= 0) {
        tree.hold(node, pod, need);
      } else {
        unplaced++;
      }
    }
    return new ReplayTrace(clusterGpuMilli(), arrived, allocated, arrivals.size(), unplaced);
  }
}
