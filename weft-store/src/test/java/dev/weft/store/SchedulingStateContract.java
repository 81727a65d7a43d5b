package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The {@link QueueTreeStore}, {@link RuntimeHistory} and {@link LeaseStore} contracts, run on every database. */
abstract class SchedulingStateContract extends StoreContract {
  private static final Duration TTL = Duration.ofSeconds(10);

  @Test
  void the_queue_tree_is_replaced_whole_against_the_version_read() {
    assertThat(db.queueTree().current()).isEmpty();
    QueueTree first = db.queueTree().replace(json("a", 1), 0, T0);
    assertThat(first.version()).isEqualTo(1);
    assertThatThrownBy(() -> db.queueTree().replace(json("b", 2), 0, T0)).isInstanceOf(StaleVersionException.class);
    QueueTree second = db.queueTree().replace(json("c", 3), 1, T0.plusSeconds(1));
    assertThat(second.tree()).isEqualTo(json("c", 3));
    assertThatThrownBy(() -> db.queueTree().replace(json("d", 4), 1, T0)).isInstanceOf(StaleVersionException.class)
        .hasMessageContaining("queue tree root is at version 2, not 1");
    assertThat(db.queueTree().current()).contains(second);
  }

  @Test
  void many_runs_are_recorded_at_once_and_a_run_recorded_before_is_kept_as_it_was() {
    db.runtimes().record("t-2", 0, "etl", 5, T0);
    db.runtimes().recordAll(List.of(new RuntimeHistory.Run("t-1", 0, "etl", 100, T0.plusSeconds(1)),
        new RuntimeHistory.Run("t-2", 0, "etl", 200, T0.plusSeconds(2)),
        new RuntimeHistory.Run("t-1", 1, "etl", 300, T0.plusSeconds(3)),
        new RuntimeHistory.Run("u-1", 0, "report", 7, T0.plusSeconds(4))));
    assertThat(db.runtimes().recent("etl", 10)).containsExactly(5L, 100L, 300L);
    assertThat(db.runtimes().recent("report", 10)).containsExactly(7L);
  }

  @Test
  void run_times_come_back_oldest_first_limited_to_the_most_recent() {
    for (int i = 1; i <= 5; i++) {
      db.runtimes().record("t-" + i, 0, "etl", i * 1000L, T0.plusSeconds(i));
    }
    db.runtimes().record("t-5", 0, "etl", 99_000, T0.plusSeconds(9));
    db.runtimes().record("u-1", 0, "report", 7, T0);
    assertThat(db.runtimes().recent("etl", 3)).containsExactly(3000L, 4000L, 5000L);
    assertThat(db.runtimes().recent("none", 3)).isEmpty();
    assertThat(db.runtimes().recent(Set.of("etl", "report", "none"), 1))
        .isEqualTo(Map.of("etl", List.of(5000L), "report", List.of(7L)));
  }

  @Test
  void run_times_of_many_names_come_back_in_batches_newest_by_time_then_task_id() {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (int i = 0; i < 250; i++) { // more names than one query takes
      db.runtimes().record("a-" + i, 0, "n" + i, 1, T0);
      db.runtimes().record("b-" + i, 0, "n" + i, 2, T0); // same time: the later task id is newer
      db.runtimes().record("c-" + i, 0, "n" + i, 3, T0.minusSeconds(1));
      names.add("n" + i);
    }
    Map<String, List<Long>> recent = db.runtimes().recent(names, 2);
    assertThat(recent).hasSize(250);
    assertThat(recent.values()).allSatisfy(runs -> assertThat(runs).containsExactly(1L, 2L));
  }

  @Test
  void a_lease_is_held_by_one_until_it_expires_then_taken_with_a_new_epoch() {
    LeaseGrant a = db.leases().acquire("scheduler", "a", TTL, T0).orElseThrow();
    assertThat(a.epoch()).isEqualTo(1);
    assertThat(db.leases().acquire("scheduler", "b", TTL, T0.plusSeconds(5))).isEmpty();
    LeaseGrant renewed = db.leases().acquire("scheduler", "a", TTL, T0.plusSeconds(5)).orElseThrow();
    assertThat(renewed.epoch()).isEqualTo(1);
    assertThat(renewed.expiresAt()).isEqualTo(T0.plusSeconds(15));
    assertThat(db.leases().holds("scheduler", "a", 1, T0.plusSeconds(14))).isTrue();
    LeaseGrant b = db.leases().acquire("scheduler", "b", TTL, T0.plusSeconds(15)).orElseThrow();
    assertThat(b.epoch()).isEqualTo(2);
    assertThat(db.leases().holds("scheduler", "a", 1, T0.plusSeconds(14))).isFalse();
    assertThat(db.leases().holds("scheduler", "b", 1, T0.plusSeconds(16))).isFalse();
    assertThat(db.leases().holds("scheduler", "b", 2, T0.plusSeconds(26))).isFalse();
  }

  @Test
  void a_released_lease_is_free_at_once() {
    db.leases().acquire("scheduler", "a", TTL, T0).orElseThrow();
    db.leases().release("scheduler", "b");
    assertThat(db.leases().acquire("scheduler", "b", TTL, T0.plusSeconds(1))).isEmpty();
    db.leases().release("scheduler", "a");
    assertThat(db.leases().acquire("scheduler", "b", TTL, T0.plusSeconds(1)).orElseThrow().epoch()).isEqualTo(2);
  }
}
