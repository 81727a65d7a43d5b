package dev.weft.workflow.schedule;

import com.cronutils.model.time.ExecutionTime;
import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.workflow.plan.Durations;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A document's {@code schedule}, as a pure calculator of start times (epoch milliseconds, cron
 * in UTC). {@code anchor} is when the schedule took effect (the definition was stored); no start
 * is ever due before it.
 */
public sealed interface Schedule {
  /**
   * The latest start due at or before {@code now}, given how the previous scheduled run went;
   * empty when nothing is due.
   *
   * @param previousEnd when the previous scheduled run ended; empty if there was none or it has not ended
   * @param previousRunning whether a previous scheduled run exists and has not ended
   */
  OptionalLong latestDue(long anchor, long now, OptionalLong previousEnd, boolean previousRunning);

  /** {@code every}: at the anchor and then each interval after it, whether or not earlier runs ended. */
  record Every(long millis) implements Schedule {
    @Override
    public OptionalLong latestDue(long anchor, long now, OptionalLong previousEnd, boolean previousRunning) {
      return now < anchor ? OptionalLong.empty() : OptionalLong.of(anchor + (now - anchor) / millis * millis);
    }
  }

  /** {@code cron}: each time the expression matches (UTC, at whole minutes), from the anchor on. */
  record Cron(String expression) implements Schedule {
    @Override
    public OptionalLong latestDue(long anchor, long now, OptionalLong previousEnd, boolean previousRunning) {
      ExecutionTime times = ExecutionTime.forCron(CronText.parse(expression));
      Optional<ZonedDateTime> last = times.lastExecution(utc(now / 1000 * 1000 + 1000));
      if (last.isEmpty()) {
        return OptionalLong.empty();
      }
      long due = last.get().toEpochSecond() * 1000;
      return due < anchor || due > now ? OptionalLong.empty() : OptionalLong.of(due);
    }
  }

  /** {@code after}: the first run at the anchor, each next one this long after the previous one ended; never two at once. */
  record After(long millis) implements Schedule {
    @Override
    public OptionalLong latestDue(long anchor, long now, OptionalLong previousEnd, boolean previousRunning) {
      if (previousRunning) {
        return OptionalLong.empty();
      }
      long due = previousEnd.isPresent() ? previousEnd.getAsLong() + millis : anchor;
      return due <= now ? OptionalLong.of(due) : OptionalLong.empty();
    }
  }

  /** {@code on}: started by matching events (see {@link dev.weft.workflow.decide.StartTrigger}); never due by time. */
  record OnEvents(JsonNode on) implements Schedule {
    @Override
    public OptionalLong latestDue(long anchor, long now, OptionalLong previousEnd, boolean previousRunning) {
      return OptionalLong.empty();
    }
  }

  /** The schedule of a validated document, or empty when it has none. */
  static Optional<Schedule> of(JsonNode document) {
    JsonNode s = document.path("schedule");
    if (s.has("every")) {
      return Optional.of(new Every(Math.max(1, Durations.millis(s.get("every"), "/schedule/every"))));
    }
    if (s.has("cron")) {
      return Optional.of(new Cron(s.get("cron").asText()));
    }
    if (s.has("after")) {
      return Optional.of(new After(Durations.millis(s.get("after"), "/schedule/after")));
    }
    if (s.has("on")) {
      return Optional.of(new OnEvents(s.get("on")));
    }
    return Optional.empty();
  }

  private static ZonedDateTime utc(long millis) {
    return ZonedDateTime.of(LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), 0, ZoneOffset.UTC), ZoneOffset.UTC);
  }
}
