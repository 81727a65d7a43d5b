package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The {@link TimerStore} contract, run on every database. */
abstract class TimerStoreContract extends StoreContract {
  private Timer timer(String id, int seconds) {
    return new Timer(id, "i-1", T0.plusSeconds(seconds), json("after", seconds));
  }

  @Test
  void only_due_unfired_timers_are_fetched_earliest_first() {
    newInstance("i-1");
    db.timers().schedule(timer("late", 30));
    db.timers().schedule(timer("early", 10));
    db.timers().schedule(timer("future", 300));
    assertThat(db.timers().due(T0.plusSeconds(5), 10)).isEmpty();
    assertThat(db.timers().due(T0.plusSeconds(30), 10)).extracting(Timer::id).containsExactly("early", "late");
    assertThat(db.timers().due(T0.plusSeconds(30), 1)).extracting(Timer::id).containsExactly("early");
    db.timers().markFired("early", T0.plusSeconds(30));
    assertThat(db.timers().due(T0.plusSeconds(30), 10)).extracting(Timer::id).containsExactly("late");
  }

  @Test
  void scheduling_the_same_timer_twice_keeps_the_first() {
    newInstance("i-1");
    assertThat(db.timers().schedule(timer("t", 10))).isTrue();
    assertThat(db.timers().schedule(timer("t", 99))).isFalse();
    assertThat(db.timers().due(T0.plusSeconds(10), 10)).extracting(Timer::dueAt).containsExactly(T0.plusSeconds(10));
  }

  @Test
  void a_timer_fires_once_even_when_two_firers_race() throws Exception {
    newInstance("i-1");
    db.timers().schedule(timer("t", 10));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> firers = new ArrayList<>();
    for (int n = 0; n < 4; n++) {
      firers.add(pool.submit(() -> {
        start.await();
        return db.timers().markFired("t", T0.plusSeconds(10));
      }));
    }
    start.countDown();
    int winners = 0;
    for (Future<Boolean> f : firers) {
      winners += f.get() ? 1 : 0;
    }
    pool.shutdown();
    assertThat(winners).isEqualTo(1);
    assertThat(db.timers().markFired("t", T0.plusSeconds(11))).isFalse();
  }

  @Test
  void firing_an_unknown_timer_says_it_does_not_exist() {
    assertThatThrownBy(() -> db.timers().markFired("ghost", T0))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("ghost");
  }
}
