package dev.weft.workflow.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** DSL durations: an ISO 8601 string ({@code PT5S}) or an object of days, hours, minutes, seconds, milliseconds. */
public final class Durations {
  private Durations() {}

  public static long millis(JsonNode d) {
    if (d == null || d.isNull()) {
      return 0;
    }
    if (d.isTextual()) {
      return Duration.parse(d.asText()).toMillis();
    }
    return d.path("days").asLong() * 86_400_000L + d.path("hours").asLong() * 3_600_000L
        + d.path("minutes").asLong() * 60_000L + d.path("seconds").asLong() * 1_000L + d.path("milliseconds").asLong();
  }
}
