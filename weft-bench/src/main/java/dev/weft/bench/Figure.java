package dev.weft.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

/**
 * One measured placement rate, read back from a JMH single-shot run whose score is time per
 * placement attempt. The rate is attempts over total time (the harmonic mean of the iterations),
 * the slowest and fastest iterations bound it, and {@code errorPercent} is JMH's 99.9% confidence
 * half-width relative to the score (NaN with a single iteration, where JMH cannot compute one).
 *
 * @param placed tasks that found a node, per iteration (the same every iteration: the run is seeded)
 * @param unplaced attempts where no node passed every filter, per iteration
 * @param loadAverage the machine's one-minute load average just before this run (negative if unknown)
 */
record Figure(double placementsPerSecond, double slowestPerSecond, double fastestPerSecond, double errorPercent,
    long iterations, long placed, long unplaced, String jdk, double loadAverage) {

  static Figure of(RunResult run, double loadAverage) {
    BenchmarkParams params = run.getParams();
    Result<?> primary = run.getPrimaryResult();
    Statistics perIteration = primary.getStatistics();
    double nanosPerUnit = params.getTimeUnit().toNanos(1);
    double meanNanos = primary.getScore() * nanosPerUnit;
    return new Figure(
        perSecond(meanNanos),
        perSecond(perIteration.getMax() * nanosPerUnit),
        perSecond(perIteration.getMin() * nanosPerUnit),
        100 * primary.getScoreError() / primary.getScore(),
        perIteration.getN(),
        counter(run, "placed"),
        counter(run, "unplaced"),
        params.getJdkVersion() + " (" + params.getVmName() + " " + params.getVmVersion() + ")",
        loadAverage);
  }

  private static double perSecond(double nanosPerPlacement) {
    return TimeUnit.SECONDS.toNanos(1) / nanosPerPlacement;
  }

  /** An {@link PlacementBenchmark.Outcome} counter; JMH sums events over iterations, so take the mean. */
  private static long counter(RunResult run, String name) {
    Result<?> r = run.getSecondaryResults().get(name);
    return r == null ? 0 : Math.round(r.getStatistics().getMean());
  }
}
