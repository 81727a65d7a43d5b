package dev.weft.sim.gpu;

import java.util.List;

/**
 * The outcome of one policy in a {@link GpuExperiment}: the allocation curve (mean over seeds), the
 * ratio at 100% demand for each seed (NaN where a run did not reach it), and the mean number of
 * pods per run and of pods no node could take.
 */
public record GpuReplayResult(GpuPolicy policy, List<Long> seeds, AllocationCurve curve, double[] atFullDemand,
                              double pods, double unplaced) {
  /** The mean allocation ratio (percent) at 100% arrived GPU demand; NaN when the runs stop short of it. */
  public double allocationAtFullDemand() {
    return curve.at(100);
  }
}
