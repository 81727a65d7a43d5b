package dev.weft.server.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.StoreUnavailableException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PurgeLoopTest {
  @Test
  void a_purge_failing_on_the_store_is_tried_again_and_the_loop_carries_on() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    try (PurgeLoop loop = PurgeLoop.start("test-purge", "testing", () -> {
      if (calls.incrementAndGet() == 1) {
        throw new StoreUnavailableException("database away", null);
      }
      return 1;
    }, n -> "purged " + n, Duration.ofHours(1))) {
      long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (calls.get() < 2 && System.nanoTime() < until) {
        Thread.sleep(20);
      }
      assertThat(calls.get()).as("tried again after the outage").isEqualTo(2);
    }
  }

  @Test
  void an_interval_of_zero_is_refused() {
    assertThatThrownBy(() -> PurgeLoop.start("t", "testing", () -> 0, n -> "", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
  }
}
