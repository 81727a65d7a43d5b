package dev.weft.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** A wait after a count of rings: a ring between reading the count and waiting is not missed. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RelayedBellTest {
  static final Duration HOUR = Duration.ofHours(1);

  @Test
  void a_ring_after_the_count_was_read_ends_the_wait_at_once() throws Exception {
    RelayedBell bell = new RelayedBell();
    long seen = bell.rings();
    bell.ring(); // before the wait began
    CompletableFuture<Void> waited = CompletableFuture.runAsync(() -> await(bell, seen));
    waited.get(10, TimeUnit.SECONDS); // not an hour
    assertThat(bell.rings()).isEqualTo(seen + 1);
  }

  @Test
  void without_a_ring_since_the_count_the_wait_goes_on_until_the_next_ring() throws Exception {
    RelayedBell bell = new RelayedBell();
    long seen = bell.rings();
    CompletableFuture<Void> waited = CompletableFuture.runAsync(() -> await(bell, seen));
    Thread.sleep(200);
    assertThat(waited).as("no ring yet").isNotDone();
    bell.ringHere();
    waited.get(10, TimeUnit.SECONDS);
  }

  private static void await(RelayedBell bell, long seen) {
    try {
      bell.awaitAfter(seen, HOUR);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
