package dev.weft.sim.engine;

/**
 * Hears how far a run has got. The simulator calls it on its own thread: once with nothing finished
 * before the first event, then after each event time at which tasks finished. It knows no clock and
 * does no I/O; a caller that draws a progress bar owns the clock, the throttling and the drawing,
 * and must return quickly.
 */
@FunctionalInterface
public interface Progress {
  /** Hears nothing. */
  Progress NONE = (finished, total) -> { };

  /**
   * @param finished tasks finished so far
   * @param total tasks the run will try (the workload less the rejected ones; stuck tasks never finish)
   */
  void finished(int finished, int total);
}
