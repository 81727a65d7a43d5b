package dev.weft.workflow.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Start times of {@code every}, {@code cron} and {@code after}; all in epoch milliseconds, cron in UTC. */
class ScheduleTest {
  private static final long MINUTE = 60_000;
  /** 2026-01-01T00:00:00Z */
  private static final long NEW_YEAR = 1_767_225_600_000L;
  private static final OptionalLong NONE = OptionalLong.empty();

  private static Schedule of(String schedule) throws Exception {
    return Schedule.of(new YAMLMapper().readTree("schedule: " + schedule)).orElseThrow();
  }

  @Test
  void everyIsDueAtTheAnchorAndEachIntervalAfterIt() throws Exception {
    Schedule s = of("{ every: PT10M }");
    assertThat(s.latestDue(NEW_YEAR, NEW_YEAR - 1, NONE, false)).as("not before the anchor").isEmpty();
    assertThat(s.latestDue(NEW_YEAR, NEW_YEAR, NONE, false)).hasValue(NEW_YEAR);
    assertThat(s.latestDue(NEW_YEAR, NEW_YEAR + 25 * MINUTE, NONE, true)).hasValue(NEW_YEAR + 20 * MINUTE);
  }

  @Test
  void cronIsDueAtTheLastMatchingMinuteInUtc() throws Exception {
    Schedule s = of("{ cron: '0 * * * *' }");
    assertThat(s.latestDue(NEW_YEAR - 1, NEW_YEAR + 59 * MINUTE, NONE, false)).hasValue(NEW_YEAR);
    assertThat(s.latestDue(NEW_YEAR - 1, NEW_YEAR + 60 * MINUTE, NONE, false)).as("the matching minute itself").hasValue(NEW_YEAR + 60 * MINUTE);
    assertThat(s.latestDue(NEW_YEAR + 1, NEW_YEAR + 59 * MINUTE, NONE, false)).as("not before the anchor").isEmpty();
  }

  @Test
  void cronWithDaysOfTheWeek() throws Exception {
    Schedule s = of("{ cron: '30 9 * * MON' }"); // 2026-01-05 is a Monday
    long monday = NEW_YEAR + 4 * 24 * 60 * MINUTE + (9 * 60 + 30) * MINUTE;
    assertThat(s.latestDue(NEW_YEAR, monday + 3 * 24 * 60 * MINUTE, NONE, false)).hasValue(monday);
  }

  @Test
  void afterWaitsForThePreviousRunToEnd() throws Exception {
    Schedule s = of("{ after: { minutes: 5 } }");
    assertThat(s.latestDue(NEW_YEAR, NEW_YEAR, NONE, false)).as("the first run at once").hasValue(NEW_YEAR);
    assertThat(s.latestDue(NEW_YEAR, NEW_YEAR + 60 * MINUTE, NONE, true)).as("never two at once").isEmpty();
    OptionalLong ended = OptionalLong.of(NEW_YEAR + 2 * MINUTE);
    assertThat(s.latestDue(NEW_YEAR, NEW_YEAR + 6 * MINUTE, ended, false)).isEmpty();
    assertThat(s.latestDue(NEW_YEAR, NEW_YEAR + 7 * MINUTE, ended, false)).hasValue(NEW_YEAR + 7 * MINUTE);
  }

  @Test
  void onEventsIsNeverDueByTime() throws Exception {
    Schedule s = Schedule.of(new YAMLMapper().readTree("schedule:\n  'on': { one: { with: { type: tick } } }\n")).orElseThrow();
    assertThat(s).isInstanceOf(Schedule.OnEvents.class);
    assertThat(s.latestDue(0, Long.MAX_VALUE / 2, NONE, false)).isEmpty();
  }
}
