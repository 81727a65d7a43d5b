package dev.weft.sim.dag;

import dev.weft.sim.workload.SimJob;
import java.util.List;
import java.util.OptionalDouble;

/**
 * How a DAG replay compares with what was possible and with what really happened: its makespan
 * over the lower bound {@code max(critical path, total work / cpus)} on its cluster, and over the
 * makespan recorded when the workflow was executed (WfFormat instances record it).
 *
 * @param clusterCpus the CPUs of the cluster replayed on
 * @param makespanSeconds the replay's makespan
 * @param recordedMakespanSeconds the original execution's makespan, when known
 */
public record DagFigures(DagBounds bounds, double clusterCpus, double makespanSeconds,
                         OptionalDouble recordedMakespanSeconds) {
  /** The figures of a replay of {@code jobs}. */
  public static DagFigures of(List<SimJob> jobs, double clusterCpus, double makespanSeconds,
                              OptionalDouble recordedMakespanSeconds) {
    return new DagFigures(DagBounds.of(jobs), clusterCpus, makespanSeconds, recordedMakespanSeconds);
  }

  public double lowerBound() {
    return bounds.lowerBound(clusterCpus);
  }

  /** At least 1 for any schedule; 0 when the bound is 0 (no work). */
  public double makespanOverLowerBound() {
    return lowerBound() > 0 ? makespanSeconds / lowerBound() : 0;
  }

  /** Below 1 when the replay beats the original execution. */
  public OptionalDouble makespanOverRecorded() {
    return recordedMakespanSeconds.isPresent() && recordedMakespanSeconds.getAsDouble() > 0
        ? OptionalDouble.of(makespanSeconds / recordedMakespanSeconds.getAsDouble())
        : OptionalDouble.empty();
  }
}
