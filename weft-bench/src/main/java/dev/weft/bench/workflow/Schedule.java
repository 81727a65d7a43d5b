package dev.weft.bench.workflow;

import java.time.Duration;

/**
 * How long things run: each engine is first warmed up on each workflow for {@code engineWarmup};
 * each cell then has a warm-up of its own (every output checked, not counted) and
 * {@code iterations} timed runs of {@code iteration} each.
 */
public record Schedule(String mode, Duration engineWarmup, Duration warmup, Duration iteration, int iterations) {
  public static final Schedule FULL = new Schedule("full", Duration.ofSeconds(5), Duration.ofSeconds(3),
      Duration.ofSeconds(2), 5);
  public static final Schedule QUICK = new Schedule("quick", Duration.ofMillis(600), Duration.ofMillis(600),
      Duration.ofMillis(500), 2);

  public Schedule {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be at least 1, got " + iterations);
    }
  }
}
