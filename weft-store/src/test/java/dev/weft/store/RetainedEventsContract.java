package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The {@link RetainedEvents} contract, run on every database. */
abstract class RetainedEventsContract extends StoreContract {
  @Test
  void live_events_come_oldest_first_and_expired_ones_never() {
    RetainedEvents r = db.retainedEvents();
    r.retain(json("n", 1), T0, T0.plusSeconds(60));
    r.retain(json("n", 2), T0.plusSeconds(1), T0.plusSeconds(10));
    r.retain(json("n", 3), T0.plusSeconds(2), T0.plusSeconds(120));
    List<RetainedEvent> atFive = db.transactor().inTransaction(() -> r.lockLive(T0.plusSeconds(5), 10));
    assertThat(atFive).extracting(RetainedEvent::event).containsExactly(json("n", 1), json("n", 2), json("n", 3));
    assertThat(atFive.get(1).receivedAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(atFive.get(1).expiresAt()).isEqualTo(T0.plusSeconds(10));
    assertThat(db.transactor().inTransaction(() -> r.lockLive(T0.plusSeconds(10), 10)))
        .as("an event is gone at its expiry").extracting(RetainedEvent::event).containsExactly(json("n", 1), json("n", 3));
    assertThat(db.transactor().inTransaction(() -> r.lockLive(T0.plusSeconds(5), 2))).hasSize(2);
  }

  @Test
  void an_event_is_taken_once() {
    RetainedEvents r = db.retainedEvents();
    r.retain(json("n", 1), T0, T0.plusSeconds(60));
    long seq = db.transactor().inTransaction(() -> r.lockLive(T0, 10)).get(0).seq();
    assertThat(r.remove(seq)).isTrue();
    assertThat(r.remove(seq)).isFalse();
    assertThat(db.transactor().inTransaction(() -> r.lockLive(T0, 10))).isEmpty();
  }

  @Test
  void retaining_drops_what_has_expired_and_survives_a_reopen() {
    RetainedEvents r = db.retainedEvents();
    r.retain(json("n", 1), T0, T0.plusSeconds(10));
    r.retain(json("n", 2), T0.plusSeconds(20), T0.plusSeconds(80));
    reopen();
    assertThat(db.transactor().inTransaction(() -> db.retainedEvents().lockLive(T0, 10)))
        .as("the first was dropped when the second was retained").extracting(RetainedEvent::event)
        .containsExactly(json("n", 2));
  }

  @Test
  void an_event_another_transaction_takes_meanwhile_is_not_offered_again() throws Exception {
    RetainedEvents r = db.retainedEvents();
    r.retain(json("n", 1), T0, T0.plusSeconds(60));
    r.retain(json("n", 2), T0, T0.plusSeconds(60));
    CompletableFuture<Void> holding = new CompletableFuture<>();
    CompletableFuture<Void> release = new CompletableFuture<>();
    CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() ->
        db.transactor().inTransaction(() -> {
          RetainedEvent oldest = r.lockLive(T0, 10).get(0);
          holding.complete(null);
          release.join();
          return r.remove(oldest.seq());
        }));
    holding.get(30, TimeUnit.SECONDS);
    CompletableFuture<List<RetainedEvent>> second = CompletableFuture.supplyAsync(() ->
        db.transactor().inTransaction(() -> r.lockLive(T0, 10)));
    release.complete(null); // the second waits for the first's locks, or runs after it: either way the same answer
    assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
    assertThat(second.get(30, TimeUnit.SECONDS)).extracting(RetainedEvent::event).containsExactly(json("n", 2));
  }

  @Test
  void an_event_must_expire_after_it_is_received() {
    assertThatThrownBy(() -> db.retainedEvents().retain(json("n", 1), T0, T0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must expire after");
  }
}
