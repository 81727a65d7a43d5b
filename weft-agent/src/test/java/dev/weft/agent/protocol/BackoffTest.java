package dev.weft.agent.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BackoffTest {
  @Test
  void with_the_default_heartbeat_it_doubles_from_a_quarter_second_to_five_seconds() {
    assertThat(waits(Backoff.reconnecting(Duration.ofSeconds(5)), 7)).containsExactly(250L, 500L, 1000L, 2000L, 4000L, 5000L, 5000L);
  }

  @Test
  void it_never_waits_longer_than_a_heartbeat_so_a_recovered_server_hears_the_agent_within_its_grace() {
    assertThat(waits(Backoff.reconnecting(Duration.ofSeconds(1)), 5)).containsExactly(250L, 500L, 1000L, 1000L, 1000L);
    assertThat(waits(Backoff.reconnecting(Duration.ofMillis(100)), 3)).containsExactly(100L, 100L, 100L);
  }

  @Test
  void a_success_starts_it_over() {
    Backoff b = Backoff.reconnecting(Duration.ofSeconds(5));
    waits(b, 4);
    b.reset();
    assertThat(b.next()).isEqualTo(Duration.ofMillis(250));
  }

  private static List<Long> waits(Backoff b, int n) {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(b.next().toMillis());
    }
    return out;
  }
}
