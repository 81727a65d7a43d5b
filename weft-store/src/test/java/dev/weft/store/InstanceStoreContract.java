package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The {@link InstanceStore} contract, run on every database. */
abstract class InstanceStoreContract extends StoreContract {
  private static final Duration LEASE = Duration.ofSeconds(30);

  @Test
  void a_new_instance_is_pending_at_version_one() {
    Instance i = newInstance("i-1");
    assertThat(i.status()).isEqualTo(InstanceStatus.PENDING);
    assertThat(i.version()).isEqualTo(1);
    assertThat(i.snapshot()).isEqualTo(json("step", 0));
    assertThat(db.instances().find("i-1")).contains(i);
  }

  @Test
  void the_same_idempotency_key_returns_the_same_instance() {
    Instance first = db.instances().create(new NewInstance("i-1", "order-42", "order", 1, json("a", 1)), T0);
    Instance second = db.instances().create(new NewInstance("i-2", "order-42", "order", 1, json("a", 2)), T0);
    assertThat(second).isEqualTo(first);
    assertThat(db.instances().find("i-2")).isEmpty();
  }

  @Test
  void concurrent_creates_with_one_key_make_one_instance() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Instance>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String id = "i-" + t;
      results.add(pool.submit(() -> {
        start.await();
        return db.instances().create(new NewInstance(id, "same-key", "order", 1, json("a", 1)), T0);
      }));
    }
    start.countDown();
    Set<String> ids = new java.util.HashSet<>();
    for (Future<Instance> f : results) {
      ids.add(f.get().id());
    }
    pool.shutdown();
    assertThat(ids).hasSize(1);
    assertThat(db.instances().list(InstanceFilter.all(100))).hasSize(1);
  }

  @Test
  void a_locked_instance_is_changed_by_another_writer_only_after_the_lock_is_released() throws Exception {
    Instance i = newInstance("i-1");
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    Future<?> holder = pool.submit(() -> db.transactor().inTransaction(() -> {
      assertThat(db.instances().findLocked("i-1")).contains(i);
      locked.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      return null;
    }));
    locked.await();
    ExecutorService writer = Executors.newSingleThreadExecutor();
    Future<Instance> write = writer.submit(() -> db.instances().transition("i-1", i.version(), InstanceStatus.RUNNING, T0));
    Thread.sleep(300);
    assertThat(write).as("a write to the locked row waits for the lock").isNotDone();
    release.countDown();
    holder.get();
    assertThat(write.get().status()).isEqualTo(InstanceStatus.RUNNING);
    pool.shutdown();
    writer.shutdown();
    assertThat(db.instances().findLocked("missing")).isEmpty();
  }

  @Test
  void an_id_taken_by_another_key_is_a_conflict() {
    newInstance("i-1");
    assertThatThrownBy(() -> db.instances().create(new NewInstance("i-1", "other", "order", 1, json("a", 1)), T0))
        .isInstanceOf(ConflictException.class).hasMessageContaining("i-1");
  }

  @Test
  void list_filters_by_status_and_definition() {
    newInstance("a");
    db.instances().create(new NewInstance("b", "kb", "billing", 1, json("a", 1)), T0.plusSeconds(1));
    Instance c = db.instances().create(new NewInstance("c", "kc", "order", 2, json("a", 1)), T0.plusSeconds(2));
    db.instances().transition("c", c.version(), InstanceStatus.RUNNING, T0.plusSeconds(3));

    assertThat(db.instances().list(InstanceFilter.all(10))).extracting(Instance::id).containsExactly("a", "b", "c");
    assertThat(db.instances().list(InstanceFilter.all(10).withDefinition("order")))
        .extracting(Instance::id).containsExactly("a", "c");
    assertThat(db.instances().list(InstanceFilter.all(10).withStatus(InstanceStatus.RUNNING)))
        .extracting(Instance::id).containsExactly("c");
    assertThat(db.instances().list(InstanceFilter.all(10).withStatus(InstanceStatus.PENDING).withDefinition("billing")))
        .extracting(Instance::id).containsExactly("b");
    assertThat(db.instances().list(InstanceFilter.all(2))).hasSize(2);
  }

  @Test
  void pages_continue_after_the_last_instance_of_the_previous_page() {
    newInstance("a");
    db.instances().create(new NewInstance("c", "kc", "order", 1, json("a", 1)), T0);
    db.instances().create(new NewInstance("b", "kb", "order", 1, json("a", 1)), T0.plusSeconds(1));
    List<Instance> first = db.instances().list(InstanceFilter.all(2));
    assertThat(first).extracting(Instance::id).containsExactly("a", "c");
    Instance last = first.get(1);
    assertThat(db.instances().list(InstanceFilter.all(2).after(new InstanceFilter.Position(last.createdAt(), last.id()))))
        .extracting(Instance::id).containsExactly("b");
  }

  @Test
  void instances_are_counted_by_status() {
    newInstance("a");
    Instance b = db.instances().create(new NewInstance("b", "kb", "order", 1, json("a", 1)), T0);
    db.instances().transition("b", b.version(), InstanceStatus.RUNNING, T0.plusSeconds(1));
    db.instances().create(new NewInstance("c", "kc", "order", 1, json("a", 1)), T0);
    assertThat(db.instances().countByStatus())
        .containsExactlyInAnyOrderEntriesOf(java.util.Map.of(InstanceStatus.PENDING, 2L, InstanceStatus.RUNNING, 1L));
  }

  @Test
  void a_transition_raises_the_version() {
    Instance i = newInstance("i-1");
    Instance running = db.instances().transition("i-1", i.version(), InstanceStatus.RUNNING, T0.plusSeconds(1));
    assertThat(running.status()).isEqualTo(InstanceStatus.RUNNING);
    assertThat(running.version()).isEqualTo(2);
    assertThat(running.updatedAt()).isEqualTo(T0.plusSeconds(1));
  }

  @Test
  void a_transition_from_a_stale_version_fails_and_changes_nothing() {
    Instance i = newInstance("i-1");
    db.instances().transition("i-1", i.version(), InstanceStatus.RUNNING, T0);
    assertThatThrownBy(() -> db.instances().transition("i-1", i.version(), InstanceStatus.CANCELLED, T0))
        .isInstanceOfSatisfying(StaleVersionException.class, e -> {
          assertThat(e.expected()).isEqualTo(1);
          assertThat(e.actual()).isEqualTo(2);
        })
        .hasMessageContaining("another writer");
    assertThat(db.instances().find("i-1").orElseThrow().status()).isEqualTo(InstanceStatus.RUNNING);
  }

  @Test
  void a_completed_instance_cannot_move_again() {
    Instance i = newInstance("i-1");
    Instance r = db.instances().transition("i-1", i.version(), InstanceStatus.RUNNING, T0);
    Instance done = db.instances().transition("i-1", r.version(), InstanceStatus.COMPLETED, T0);
    assertThatThrownBy(() -> db.instances().transition("i-1", done.version(), InstanceStatus.RUNNING, T0))
        .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("COMPLETED to RUNNING");
  }

  @Test
  void moving_an_unknown_instance_says_it_does_not_exist() {
    assertThatThrownBy(() -> db.instances().transition("ghost", 1, InstanceStatus.RUNNING, T0))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("ghost");
  }

  @Test
  void a_claim_leases_runnable_instances_only() {
    newInstance("a");
    Instance b = newInstance("b");
    db.instances().transition("b", b.version(), InstanceStatus.SUSPENDED, T0);
    List<Instance> claimed = db.instances().claim("worker-1", LEASE, T0, 10);
    assertThat(claimed).extracting(Instance::id).containsExactly("a");
    assertThat(claimed.get(0).leaseOwner()).isEqualTo("worker-1");
    assertThat(claimed.get(0).leaseUntil()).isEqualTo(T0.plus(LEASE));
    assertThat(db.instances().claim("worker-2", LEASE, T0.plusSeconds(1), 10)).isEmpty();
  }

  @Test
  void an_expired_lease_is_reclaimed_by_another_worker() {
    newInstance("a");
    db.instances().claim("worker-1", LEASE, T0, 10);
    assertThat(db.instances().claim("worker-2", LEASE, T0.plus(LEASE).minusMillis(1), 10)).isEmpty();
    List<Instance> reclaimed = db.instances().claim("worker-2", LEASE, T0.plus(LEASE), 10);
    assertThat(reclaimed).extracting(Instance::leaseOwner).containsExactly("worker-2");
  }

  @Test
  void a_released_or_finished_instance_frees_its_lease() {
    newInstance("a");
    Instance b = newInstance("b");
    db.instances().claim("worker-1", LEASE, T0, 10);
    db.instances().release("a", "worker-2");
    assertThat(db.instances().find("a").orElseThrow().leaseOwner()).isEqualTo("worker-1");
    db.instances().release("a", "worker-1");
    Instance cancelled = db.instances().transition("b", b.version(), InstanceStatus.CANCELLED, T0);
    assertThat(cancelled.leaseOwner()).isNull();
    assertThat(db.instances().claim("worker-3", LEASE, T0, 10)).extracting(Instance::id).containsExactly("a");
  }

  @Test
  void two_concurrent_claimers_never_get_the_same_instance() throws Exception {
    int total = 60;
    for (int n = 0; n < total; n++) {
      newInstance("i-" + n);
    }
    Set<String> seen = ConcurrentHashMap.newKeySet();
    List<String> all = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> claimers = new ArrayList<>();
    for (String worker : List.of("w-1", "w-2")) {
      claimers.add(pool.submit(() -> {
        start.await();
        List<Instance> batch;
        do {
          batch = db.instances().claim(worker, LEASE, T0, 3);
          batch.forEach(i -> {
            all.add(i.id());
            seen.add(i.id());
          });
        } while (!batch.isEmpty());
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : claimers) {
      f.get();
    }
    pool.shutdown();
    assertThat(all).hasSize(total).doesNotHaveDuplicates();
    assertThat(seen).hasSize(total);
  }

  @Test
  void only_the_lease_holder_can_renew() {
    newInstance("a");
    db.instances().claim("worker-1", LEASE, T0, 10);
    assertThat(db.instances().renew("a", "worker-2", LEASE, T0.plusSeconds(10))).isFalse();
    assertThat(db.instances().renew("a", "worker-1", LEASE, T0.plusSeconds(20))).isTrue();
    assertThat(db.instances().find("a").orElseThrow().leaseUntil()).isEqualTo(T0.plusSeconds(20).plus(LEASE));
    assertThat(db.instances().claim("worker-2", LEASE, T0.plus(LEASE), 10)).isEmpty();
    db.instances().claim("worker-2", LEASE, T0.plusSeconds(20).plus(LEASE), 10);
    assertThat(db.instances().renew("a", "worker-1", LEASE, T0.plusSeconds(60))).isFalse();
  }
}
