package dev.weft.sim.rlscheduler;

/**
 * One job as the RLScheduler protocol reads it from an SWF line. Times are whole seconds, as in
 * the trace.
 *
 * @param processors the larger of the allocated (field 5) and requested (field 8) processors
 * @param requestedTime the user's estimate (field 9), or the raw run time when field 9 is -1
 * @param runtime the actual run time (field 4); a negative one is read as 10 s
 * @param user field 12, -1 when unknown
 */
public record ProtocolJob(long id, long submit, long runtime, long requestedTime, int processors, int user) {
  /** {@code max(1, (wait + run) / max(run, 10))}, the paper's bounded slowdown of a job started at {@code start}. */
  public double boundedSlowdown(long start) {
    return Math.max(1.0, (double) (start - submit + runtime) / Math.max(runtime, 10));
  }
}
