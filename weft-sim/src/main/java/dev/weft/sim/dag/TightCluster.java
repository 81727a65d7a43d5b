package dev.weft.sim.dag;

import dev.weft.model.Resources;
import dev.weft.sim.cluster.ClusterSpec;
import dev.weft.sim.workload.SimJob;
import java.util.List;

/**
 * A DAG workload set up on its tight cluster: {@link DagBounds#tightSlots()} one-core slots (one
 * node with that many CPUs) and every task taking exactly one slot, whatever cores it recorded,
 * so that a slot is a slot whatever the task. (All tasks of the WfInstances in the shared data
 * record one core or none, so there this changes nothing.) Memory requests are dropped: slots
 * are the only resource.
 *
 * @param jobs the workload's jobs, each asking for one CPU and nothing else
 */
public record TightCluster(long slots, ClusterSpec cluster, List<SimJob> jobs, DagBounds bounds) {
  public TightCluster {
    jobs = List.copyOf(jobs);
  }

  public static TightCluster of(List<SimJob> workload) {
    DagBounds bounds = DagBounds.of(workload);
    long slots = bounds.tightSlots();
    List<SimJob> oneSlotEach = workload.stream()
        .map(j -> SimJob.of(j.spec().toBuilder().resources(Resources.cpus(1)).build(), j.runtimeMillis()))
        .toList();
    return new TightCluster(slots, ClusterSpec.parse("cpus=" + slots), oneSlotEach, DagBounds.of(oneSlotEach));
  }

  /** {@code max(critical path, task time / slots)}. */
  public double lowerBound() {
    return bounds.lowerBound(slots);
  }
}
