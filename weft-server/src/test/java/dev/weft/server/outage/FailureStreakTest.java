package dev.weft.server.outage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.StoreUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FailureStreakTest {
  private final List<String> lines = new ArrayList<>();
  private long now = 1_000;
  private final FailureStreak streak = new FailureStreak("claiming commands", lines::add, () -> now);
  private final StoreUnavailableException away =
      new StoreUnavailableException("database unavailable: connection refused", null);

  @Test
  void an_outage_is_logged_in_one_line_when_it_starts_and_one_when_it_ends() {
    for (int i = 0; i < 20; i++) {
      streak.failed(away);
      now += 500;
    }
    assertThat(lines).containsExactly("claiming commands: database unavailable: connection refused;"
        + " trying again with backoff (up to 5 s), quiet until it works again");
    streak.succeeded();
    streak.succeeded();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).isEqualTo("claiming commands: works again after 20 failure(s) in 10.0 s");
    assertThat(streak.failing()).isFalse();
  }

  @Test
  void the_backoff_doubles_from_a_quarter_second_up_to_five_seconds_and_starts_over_after_a_success() {
    List<Long> waits = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      waits.add(streak.failed(away).toMillis());
    }
    assertThat(waits).containsExactly(250L, 500L, 1000L, 2000L, 4000L, 5000L, 5000L, 5000L);
    streak.succeeded();
    assertThat(streak.failed(away)).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void a_failure_that_is_not_the_database_names_its_type() {
    streak.failed(new IllegalStateException("stored spec unreadable\nsecond line"));
    assertThat(lines).singleElement().asString()
        .startsWith("claiming commands: IllegalStateException: stored spec unreadable;");
  }

  @Test
  void successes_without_failures_log_nothing() {
    streak.succeeded();
    assertThat(lines).isEmpty();
  }
}
