package dev.weft.sim.rlscheduler;

import java.util.List;

/**
 * The figures of one scheduled sequence (seconds).
 *
 * @param avgBoundedSlowdown mean over the jobs of {@code max(1, (wait + run) / max(run, 10))}
 * @param utilization {@code sum(run * processors) / ((last start - first submit) * MaxProcs)}, the paper's
 *     definition (0 when every job started at the first submit time)
 * @param makespan last finish - first submit
 */
public record SequenceFigures(int jobs, double avgBoundedSlowdown, double avgWait, double avgTurnaround,
                              double utilization, double makespan, double maxWait) {
  /** The figures of {@code jobs} started at {@code starts} (same order) on {@code machine}. */
  public static SequenceFigures of(List<ProtocolJob> jobs, long[] starts, ProtocolMachine machine) {
    double bsld = 0;
    double wait = 0;
    double turnaround = 0;
    double work = 0;
    long maxWait = 0;
    long firstSubmit = Long.MAX_VALUE;
    long lastStart = Long.MIN_VALUE;
    long lastFinish = Long.MIN_VALUE;
    for (int i = 0; i < jobs.size(); i++) {
      ProtocolJob j = jobs.get(i);
      long w = starts[i] - j.submit();
      bsld += j.boundedSlowdown(starts[i]);
      wait += w;
      turnaround += w + j.runtime();
      work += (double) j.runtime() * j.processors();
      maxWait = Math.max(maxWait, w);
      firstSubmit = Math.min(firstSubmit, j.submit());
      lastStart = Math.max(lastStart, starts[i]);
      lastFinish = Math.max(lastFinish, starts[i] + j.runtime());
    }
    int n = jobs.size();
    long span = lastStart - firstSubmit;
    double utilization = span > 0 ? work / ((double) span * machine.processors()) : 0;
    return new SequenceFigures(n, bsld / n, wait / n, turnaround / n, utilization, lastFinish - firstSubmit, maxWait);
  }
}
