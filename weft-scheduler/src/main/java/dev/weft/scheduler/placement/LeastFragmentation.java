package dev.weft.scheduler.placement;

import dev.weft.model.TaskSpec;
import dev.weft.scheduler.resources.ResourceSpace;
import java.util.Arrays;

/**
 * Prefers the node whose GPU fragmentation, measured against a {@link WorkloadProfile}, grows
 * least when the task lands there (the fragmentation gradient of Weng et al., "Beware of
 * Fragmentation", USENIX ATC 2023). A node's fragmentation is the GPU milli that a task drawn from
 * the profile could not use there, in expectation (see {@link FragmentationMeasure}).
 *
 * <p>Score: {@code 1 / (1 + exp(delta / 1000))}, {@code delta} the growth in milli, so 0.5 means
 * no change and each GPU of growth moves the score by about a quarter. Nodes without GPUs score
 * 0.5. With {@link WorkloadProfile#NONE} the profile is the task being placed (keep room for more
 * of the same). A node's current fragmentation is remembered until the node changes, and the
 * measure of the task being placed while it is; these memos are the only state and never change a
 * score.
 */
final class LeastFragmentation implements Scorer {
  private final FragmentationMeasure fixed;
  private double[] before = new double[0];
  private long[] stampOf = new long[0];
  private TaskSpec lastTask;
  private FragmentationMeasure lastMeasure;

  LeastFragmentation(WorkloadProfile profile) {
    fixed = profile.shapes().isEmpty() ? null : new FragmentationMeasure(profile);
  }

  @Override
  public double score(PlacementRequest request, NodeState node) {
    GpuDevices devices = node.gpuDevices();
    if (devices == null) {
      return 0.5;
    }
    FragmentationMeasure measure = fixed != null ? fixed : ofTask(request);
    long[] need = request.need();
    int[] after = devices.freeAfter(need[ResourceSpace.GPU], node.shareOf(need));
    double now = fixed != null ? current(node) : measure.of(node, node.free[0], node.free[1], free(devices));
    double then = measure.of(node, node.free[0] - need[0], node.free[1] - need[1], after);
    return 1 / (1 + Math.exp((then - now) / 1000));
  }

  /** The measure against the task alone, kept while the same task is scored on node after node. */
  private FragmentationMeasure ofTask(PlacementRequest request) {
    if (lastTask != request.task()) {
      lastTask = request.task();
      lastMeasure = new FragmentationMeasure(WorkloadProfile.single(lastTask));
    }
    return lastMeasure;
  }

  private double current(NodeState node) {
    int i = node.index;
    if (i >= before.length) {
      int size = Math.max(i + 1, before.length * 2);
      before = Arrays.copyOf(before, size);
      long[] stamps = Arrays.copyOf(stampOf, size);
      Arrays.fill(stamps, stampOf.length, size, -1);
      stampOf = stamps;
    }
    if (stampOf[i] != node.changes()) {
      before[i] = fixed.of(node, node.free[0], node.free[1], free(node.gpuDevices()));
      stampOf[i] = node.changes();
    }
    return before[i];
  }

  private static int[] free(GpuDevices devices) {
    int[] out = new int[devices.count()];
    for (int d = 0; d < out.length; d++) {
      out[d] = devices.free(d);
    }
    return out;
  }
}
