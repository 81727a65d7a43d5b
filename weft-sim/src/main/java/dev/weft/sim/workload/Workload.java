package dev.weft.sim.workload;

import java.util.List;

/**
 * The jobs read from one file.
 *
 * @param source the file name, for messages
 * @param skipped jobs the format says to ignore (e.g. SWF jobs with no processors or no run time)
 * @param declaredCpus the machine size the file declares (SWF {@code MaxProcs}, else
 *     {@code MaxNodes}), 0 when it declares none
 */
public record Workload(String source, WorkloadFormat format, List<SimJob> jobs, int skipped, long declaredCpus) {
  public Workload {
    jobs = List.copyOf(jobs);
  }
}
