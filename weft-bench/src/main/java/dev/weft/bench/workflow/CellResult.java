package dev.weft.bench.workflow;

import java.util.List;

/**
 * What one cell (workflow x engine x threads) measured: the instances per second of each timed
 * iteration, or why the engine could not run the workflow.
 *
 * @param checked instances whose output was checked against the expected one (the warm-up's)
 * @param failure null when measured, else the reason nothing was measured
 */
public record CellResult(BenchWorkflow workflow, String engine, int threads, List<Double> perIteration,
    long instances, long checked, String failure) {
  public CellResult {
    perIteration = List.copyOf(perIteration);
  }

  static CellResult failed(BenchWorkflow workflow, String engine, int threads, String reason) {
    return new CellResult(workflow, engine, threads, List.of(), 0, 0, reason);
  }

  public boolean measured() {
    return failure == null && !perIteration.isEmpty();
  }

  /** The mean of the iterations' rates (each iteration lasts the same time). */
  public double mean() {
    return perIteration.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  public double min() {
    return perIteration.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  public double max() {
    return perIteration.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }
}
