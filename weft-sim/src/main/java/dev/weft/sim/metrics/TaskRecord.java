package dev.weft.sim.metrics;

/**
 * One finished task. Times are simulated milliseconds.
 *
 * @param node the node of its last (completed) run
 * @param startMillis when its first run began
 * @param runtimeMillis its actual run time (work done, not counting runs lost to kill-and-requeue)
 * @param cpuMillis the CPU it held while running, in millicores
 * @param preemptions how many times it was stopped before it finished
 */
public record TaskRecord(String id, String queue, String user, String node, long submitMillis, long startMillis,
                         long finishMillis, long runtimeMillis, long cpuMillis, int preemptions) {
  /** Time not spent running: {@code finish - submit - runtime}, so a suspended task's pauses count. */
  public long waitMillis() {
    return finishMillis - submitMillis - runtimeMillis;
  }

  public long turnaroundMillis() {
    return finishMillis - submitMillis;
  }

  /** {@code max(1, turnaround / max(runtime, threshold))}. */
  public double boundedSlowdown(long thresholdMillis) {
    return Math.max(1.0, (double) turnaroundMillis() / Math.max(runtimeMillis, thresholdMillis));
  }
}
