package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link TriggerEvents} contract, run on every database. */
abstract class TriggerEventsContract extends StoreContract {
  private TriggerEvents t;

  @BeforeEach
  void storeDefinitions() {
    db.definitions().store("order", 1, "{}", T0);
    db.definitions().store("order", 2, "{}", T0);
    db.definitions().store("audit", 1, "{}", T0);
    t = db.triggerEvents();
  }

  @Test
  void pending_events_come_oldest_first_per_definition_version_until_they_are_used() {
    long a = t.take("order", 2, "s", "e1", json("n", 1), false, T0);
    long b = t.take("order", 2, "s", "e2", json("n", 2), true, T0);
    t.take("order", 1, "s", "e3", json("n", 3), false, T0);
    t.take("audit", 1, "s", "e1", json("n", 4), false, T0);
    assertThat(db.transactor().inTransaction(() -> t.lockPending("order", 2)))
        .containsExactly(new TriggerEvent(a, json("n", 1), false), new TriggerEvent(b, json("n", 2), true));
    assertThat(t.used(List.of(a, b), "i1")).isEqualTo(2);
    assertThat(t.used(List.of(a, b), "i2")).as("used once").isZero();
    assertThat(db.transactor().inTransaction(() -> t.lockPending("order", 2))).isEmpty();
    assertThat(t.instanceOf("order", "s", "e2")).isEqualTo("i1");
    assertThat(t.instanceOf("order", "s", "e3")).as("still pending").isNull();
    assertThat(db.transactor().inTransaction(() -> t.lockPending("order", 1))).extracting(TriggerEvent::event)
        .containsExactly(json("n", 3));
  }

  @Test
  void a_name_takes_an_event_identity_once_ever_and_survives_a_reopen() {
    t.take("order", 1, "s", "e1", json("n", 1), false, T0);
    reopen();
    t = db.triggerEvents();
    assertThat(t.taken("order", "s", "e1")).isTrue();
    assertThat(t.taken("order", "other-source", "e1")).isFalse();
    assertThat(t.taken("audit", "s", "e1")).as("another definition may take it").isFalse();
    assertThatThrownBy(() -> t.take("order", 2, "s", "e1", json("n", 1), false, T0)).isInstanceOf(StoreException.class);
  }

  @Test
  void locking_an_unknown_definition_is_refused() {
    assertThatThrownBy(() -> db.transactor().inTransaction(() -> t.lockPending("order", 9)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("order version 9");
  }

  @Test
  void a_second_transaction_waits_for_the_lock_and_sees_what_the_first_did() throws Exception {
    CompletableFuture<Void> holding = new CompletableFuture<>();
    CompletableFuture<Void> release = new CompletableFuture<>();
    CompletableFuture<Long> first = CompletableFuture.supplyAsync(() -> db.transactor().inTransaction(() -> {
      t.lockPending("order", 1);
      holding.complete(null);
      release.join();
      return t.take("order", 1, "s", "e1", json("n", 1), false, T0);
    }));
    holding.get(30, TimeUnit.SECONDS);
    CompletableFuture<List<TriggerEvent>> second = CompletableFuture.supplyAsync(() ->
        db.transactor().inTransaction(() -> t.lockPending("order", 1)));
    release.complete(null);
    long seq = first.get(30, TimeUnit.SECONDS);
    assertThat(second.get(30, TimeUnit.SECONDS)).as("waited, then saw the committed event")
        .containsExactly(new TriggerEvent(seq, json("n", 1), false));
  }
}
