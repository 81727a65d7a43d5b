package dev.weft.workflow.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.workflow.read.Problem;
import dev.weft.workflow.read.WorkflowValidationException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

/** DSL durations: an ISO 8601 string ({@code PT5S}) or an object of days, hours, minutes, seconds, milliseconds. */
public final class Durations {
  private Durations() {}

  /**
   * @param pointer where the duration stands, for the problem when it cannot be read
   * @throws WorkflowValidationException for an ISO 8601 duration Java cannot read (years, months, weeks)
   */
  public static long millis(JsonNode d, String pointer) {
    if (d == null || d.isNull() || d.isMissingNode()) {
      return 0;
    }
    if (d.isTextual()) {
      try {
        return Duration.parse(d.asText()).toMillis();
      } catch (DateTimeParseException e) {
        throw new WorkflowValidationException(List.of(new Problem(pointer,
            "duration '" + d.asText() + "' is not supported: use days, hours, minutes and seconds (PnDTnHnMnS)")));
      }
    }
    return d.path("days").asLong() * 86_400_000L + d.path("hours").asLong() * 3_600_000L
        + d.path("minutes").asLong() * 60_000L + d.path("seconds").asLong() * 1_000L + d.path("milliseconds").asLong();
  }
}
