package dev.weft.scheduler.queue;

/**
 * The three priority functions of the RLScheduler paper's baselines (Zhang et al., SC'20), as
 * Weft leaf policies; lower runs first. {@code wait} is the time waited at the planning round,
 * {@code r} the expected run time (the estimate, or the prediction the backfill mode makes), both in
 * seconds, {@code n} the CPUs asked, {@code s} the submit time in seconds.
 *
 * <ul>
 *   <li>{@code wfp3} (Tang et al. 2009): {@code -(wait / r)^3 * n}: long waits relative to the
 *       run time first, big jobs sooner;</li>
 *   <li>{@code unicep} (Tang et al. 2009): {@code -wait / (log2(n) * r)}; a job of one CPU or less
 *       counts {@code log2(n)} as {@value #MIN_LOG2}, so it comes first, as in the paper's code;</li>
 *   <li>{@code f1} (Carastan-Santos and de Camargo 2017): {@code log10(r) * n + 870 * log10(s)}, a
 *       fixed key learned from simulations (r and s of 0.1 s at least).</li>
 * </ul>
 * An unknown run time counts as infinitely long.
 */
final class PaperScores {
  static final double MIN_LOG2 = 1e-9;

  private PaperScores() {}

  static double wfp3(Queued q, long now) {
    return -Math.pow(waitSeconds(q, now) / runSeconds(q), 3) * cpus(q);
  }

  static double unicep(Queued q, long now) {
    double log2 = Math.max(Math.log(cpus(q)) / Math.log(2), MIN_LOG2);
    return -waitSeconds(q, now) / (log2 * runSeconds(q));
  }

  static double f1(Queued q) {
    double s = q.task().spec().submitMillis() / 1000.0;
    return Math.log10(Math.max(runSeconds(q), 0.1)) * cpus(q) + 870 * Math.log10(Math.max(s, 0.1));
  }

  private static double waitSeconds(Queued q, long now) {
    return Math.max(0, now - q.task().spec().submitMillis()) / 1000.0;
  }

  private static double runSeconds(Queued q) {
    return q.remainingMillis() == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : Math.max(q.remainingMillis(), 1) / 1000.0;
  }

  private static double cpus(Queued q) {
    return q.task().spec().resources().cpuMillis() / 1000.0;
  }
}
