package dev.weft.sim.gpu;

/**
 * What one replay recorded: before the first pod and after each, the arrived GPU demand and the
 * allocated GPU (milli over all devices), and how many pods found no node.
 */
public record ReplayTrace(long clusterGpuMilli, long[] arrivedMilli, long[] allocatedMilli, int pods, int unplaced) {
  /** The allocation ratio (percent) at each arrived-demand percent, as the FGD analysis bins it. */
  public AllocationCurve curve() {
    return AllocationCurve.of(this);
  }
}
