package dev.weft.sim.gpu;

import dev.weft.model.Node;
import dev.weft.model.TaskSpec;
import dev.weft.scheduler.placement.WorkloadProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * One replay setting run under any policy: the nodes, the workload's pods and the arrival
 * protocol. With seeds, each seed is one FGD-style run (pods shuffled, then inflated to
 * {@code inflation} times the cluster's GPUs) and the curves are averaged; without seeds, the pods
 * arrive once in trace order. The fragmentation scorer's profile is every task shape of the
 * workload with its share of the pods (the FGD paper keeps only the most common shapes covering
 * 95% of the pods; keeping the rare ones too protects the few 8-GPU tasks).
 */
public record GpuExperiment(List<Node> nodes, List<TaskSpec> pods, List<Long> seeds, double inflation) {
  /** The share of pods whose shapes make the fragmentation profile: all of them. */
  public static final double PROFILE_COVERAGE = 1.0;
  /** The seeds of the published FGD results. */
  public static final List<Long> FGD_SEEDS = List.of(42L, 43L, 44L, 45L, 46L, 47L, 48L, 49L, 50L, 51L);
  /** The FGD experiments' workload inflation: arrived demand up to 130% of the cluster's GPUs. */
  public static final double FGD_INFLATION = 1.3;

  public GpuExperiment {
    nodes = List.copyOf(nodes);
    pods = List.copyOf(pods);
    seeds = List.copyOf(seeds);
  }

  public GpuReplayResult run(GpuPolicy policy) {
    GpuPlacementReplay replay = new GpuPlacementReplay(nodes, WorkloadProfile.of(pods, PROFILE_COVERAGE));
    List<AllocationCurve> curves = new ArrayList<>();
    List<ReplayTrace> traces = new ArrayList<>();
    if (seeds.isEmpty()) {
      traces.add(replay.run(GpuArrivals.trace(pods), policy));
    }
    for (long seed : seeds) {
      traces.add(replay.run(GpuArrivals.shuffled(pods, seed, inflation, replay.clusterGpuMilli()), policy));
    }
    traces.forEach(t -> curves.add(t.curve()));
    return new GpuReplayResult(policy, seeds, AllocationCurve.mean(curves),
        curves.stream().mapToDouble(c -> c.at(100)).toArray(),
        traces.stream().mapToInt(ReplayTrace::pods).average().orElse(0),
        traces.stream().mapToInt(ReplayTrace::unplaced).average().orElse(0));
  }
}
