package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The {@link ServiceRates} contract (starts spaced by the interval, in arrival order), run on every database. */
abstract class ServiceRatesContract extends StoreContract {
  private Instant reserve(String service, String call, long interval, Instant now) {
    return db.serviceRates().reserve(service, call, interval, 1, now);
  }

  @Test
  void a_burst_starts_at_once_then_the_rest_keep_to_the_rate() {
    ServiceRates rates = db.serviceRates();
    for (int n = 1; n <= 3; n++) {
      assertThat(rates.reserve("charge", "c" + n, 100, 3, T0)).as("call %d of a burst of 3", n).isEqualTo(T0);
    }
    assertThat(rates.reserve("charge", "c4", 100, 3, T0)).isEqualTo(T0.plusMillis(100));
    assertThat(rates.reserve("charge", "c5", 100, 3, T0.plusMillis(10))).isEqualTo(T0.plusMillis(200));
    assertThat(rates.reserve("charge", "c6", 100, 3, T0.plusSeconds(10))).as("a quiet spell refills the burst")
        .isEqualTo(T0.plusSeconds(10));
    assertThat(rates.reserve("charge", "c7", 100, 3, T0.plusSeconds(10))).isEqualTo(T0.plusSeconds(10));
    assertThatThrownBy(() -> rates.reserve("charge", "c8", 100, 0, T0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1 start");
  }

  @Test
  void calls_arriving_together_start_one_interval_apart_and_a_call_after_a_quiet_spell_at_once() {
    assertThat(reserve("charge", "c1", 200, T0)).isEqualTo(T0);
    assertThat(reserve("charge", "c2", 200, T0)).isEqualTo(T0.plusMillis(200));
    assertThat(reserve("charge", "c3", 200, T0.plusMillis(50))).isEqualTo(T0.plusMillis(400));
    assertThat(reserve("mail", "m1", 200, T0)).as("another service keeps a schedule of its own").isEqualTo(T0);
    assertThat(reserve("charge", "c4", 200, T0.plusSeconds(10))).as("after a quiet spell").isEqualTo(T0.plusSeconds(10));
    assertThat(reserve("charge", "c5", 200, T0.plusSeconds(10))).isEqualTo(T0.plusSeconds(10).plusMillis(200));
  }

  @Test
  void a_call_asking_again_keeps_its_start_until_it_is_forgotten() {
    reserve("charge", "c1", 1000, T0);
    Instant second = reserve("charge", "c2", 1000, T0);
    assertThat(reserve("charge", "c2", 1000, T0.plusMillis(999))).isEqualTo(second);
    assertThat(reserve("charge", "c3", 1000, T0)).isEqualTo(T0.plusSeconds(2));
    assertThat(db.serviceRates().forget(T0.plusSeconds(1))).as("c1 started before").isEqualTo(1);
    assertThat(db.serviceRates().forget(T0.plusSeconds(1))).isZero();
    assertThat(reserve("charge", "c2", 1000, T0.plusMillis(999))).isEqualTo(second);
  }

  @Test
  void an_interval_below_a_millisecond_is_refused() {
    assertThatThrownBy(() -> reserve("charge", "c1", 0, T0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1 ms");
  }

  @Test
  void concurrent_reservations_get_distinct_starts_one_interval_apart() throws Exception {
    int callers = 12;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Instant>> got = new ArrayList<>();
      for (int n = 0; n < callers; n++) {
        String id = "c" + n;
        got.add(pool.submit(() -> {
          go.await();
          return reserve("charge", id, 100, T0);
        }));
      }
      go.countDown();
      Set<Instant> starts = new HashSet<>();
      for (Future<Instant> f : got) {
        starts.add(f.get());
      }
      Set<Instant> expected = new HashSet<>();
      for (int n = 0; n < callers; n++) {
        expected.add(T0.plusMillis(100L * n));
      }
      assertThat(starts).isEqualTo(expected);
    } finally {
      pool.shutdownNow();
    }
  }
}
