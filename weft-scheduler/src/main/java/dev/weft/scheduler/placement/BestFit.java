package dev.weft.scheduler.placement;

import dev.weft.model.Resources;
import dev.weft.scheduler.resources.ResourceSpace;

/**
 * Prefers the node left with the least free GPU once the task is placed, then the least free CPU:
 * score {@code 1 / (1 + g + c / 1000)} with {@code g} the free GPUs after placement (milli over
 * all devices, in GPUs) and {@code c} the free CPUs after placement, so a CPU counts as a
 * thousandth of a GPU and only separates nodes whose GPUs are (nearly) equally full. Absolute
 * amounts, not fractions: the same free GPU is the same waste on a small node and on a big one.
 */
final class BestFit implements Scorer {
  private static final double CPU_PER_GPU = 1000;

  @Override
  public double score(PlacementRequest request, NodeState node) {
    long[] need = request.need();
    long gpuAfter = node.freeGpuMilli() - need[ResourceSpace.GPU] * Resources.MILLI_PER_GPU - node.shareOf(need);
    double g = Math.max(0, gpuAfter) / (double) Resources.MILLI_PER_GPU;
    double c = Math.max(0, node.free[0] - need[0]) / 1000.0;
    return 1 / (1 + g + c / CPU_PER_GPU);
  }
}
