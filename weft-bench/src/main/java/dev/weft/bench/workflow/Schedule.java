package dev.weft.bench.workflow;

import java.time.Duration;

/**
 * How long each cell runs: a warm-up (every output checked, not counted), then {@code iterations}
 * timed runs of {@code iteration} each.
 */
public record Schedule(String mode, Duration warmup, Duration iteration, int iterations) {
  public static final Schedule FULL = new Schedule("full", Duration.ofSeconds(3), Duration.ofSeconds(2), 5);
  public static final Schedule QUICK = new Schedule("quick", Duration.ofMillis(600), Duration.ofMillis(500), 2);

  public Schedule {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be at least 1, got " + iterations);
    }
  }
}
