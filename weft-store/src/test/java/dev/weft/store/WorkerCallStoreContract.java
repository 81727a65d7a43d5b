package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.store.jdbc.Dialect;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The {@link WorkerCallStore} contract, run on every database. */
abstract class WorkerCallStoreContract extends StoreContract {
  private static final Instant LEASE_END = T0.plusSeconds(60);

  private static WorkerCall call(String id, String instance, String queue, Instant createdAt) {
    return WorkerCall.waiting(id, id + "-decision", instance, queue, "charge@1.0.0", json("n", id.length()), createdAt);
  }

  private WorkerCall added(String id, String instance, String queue, Instant createdAt) {
    WorkerCall c = call(id, instance, queue, createdAt);
    assertThat(db.workerCalls().add(c)).isTrue();
    return c;
  }

  /** Leases the oldest call of queue {@code q} to {@code worker}, 10 s after T0, until LEASE_END. */
  private WorkerCall leaseOne(String q, String worker) {
    List<WorkerCall> got = db.workerCalls().lease(List.of(q), worker, 1, T0.plusSeconds(10), LEASE_END);
    assertThat(got).hasSize(1);
    return got.get(0);
  }

  @Test
  void a_call_is_added_once_per_id() {
    WorkerCall first = added("i/pay/0@1", "i", "payments", T0);
    WorkerCall other = WorkerCall.waiting("i/pay/0@1", "else", "j", "other", "x@2", json("a", 9), T0.plusSeconds(5));
    assertThat(db.workerCalls().add(other)).isFalse();
    assertThat(db.workerCalls().find("i/pay/0@1")).contains(first);
    assertThat(db.workerCalls().ofInstance("i")).containsExactly(first);
    assertThat(db.workerCalls().ofInstance("j")).isEmpty();
    assertThat(db.workerCalls().find("nothing")).isEmpty();
  }

  @Test
  void a_new_call_waits_unleased() {
    WorkerCall c = added("c", "i", "q", T0);
    WorkerCall read = db.workerCalls().find("c").orElseThrow();
    assertThat(read.status()).isEqualTo(WorkerCallStatus.WAITING);
    assertThat(read.attempt()).isZero();
    assertThat(read.worker()).isNull();
    assertThat(read.leaseUntil()).isNull();
    assertThat(read.endedAt()).isNull();
    assertThat(read.availableAt()).isEqualTo(T0);
    assertThat(read.createdAt()).isEqualTo(T0);
    assertThat(read.decisionId()).isEqualTo("c-decision");
    assertThat(read.serviceKey()).isEqualTo("charge@1.0.0");
    assertThat(read).isEqualTo(c);
  }

  @Test
  void the_input_round_trips() {
    ObjectNode input = JsonNodeFactory.instance.objectNode();
    input.put("amount", 12.5).put("currency", "EUR").put("card", "***").put("retry", true).putNull("note");
    input.putArray("items").add(1).add("two").addObject().put("three", 3);
    input.putObject("nested").putObject("deeper").put("unicode", "ü → ✓");
    db.workerCalls().add(WorkerCall.waiting("c", "d", "i", "q", "s@1", input, T0));
    JsonNode read = db.workerCalls().find("c").orElseThrow().input();
    assertThat(read).isEqualTo(input);
    assertThat(read.get("items").get(2).get("three").asInt()).isEqualTo(3);
    assertThat(db.workerCalls().lease(List.of("q"), "w", 1, T0, LEASE_END).get(0).input()).isEqualTo(input);
  }

  @Test
  void a_lease_takes_the_oldest_available_calls_of_the_named_queues() {
    added("b-second", "i", "payments", T0.plusSeconds(2));
    added("a-third", "i", "payments", T0.plusSeconds(3));
    added("z-first", "i", "refunds", T0.plusSeconds(1));
    added("other-queue", "i", "mail", T0);
    added("tie-a", "j", "payments", T0.plusSeconds(4));
    added("tie-b", "j", "payments", T0.plusSeconds(4));
    Instant now = T0.plusSeconds(10);
    List<WorkerCall> got = db.workerCalls().lease(List.of("payments", "refunds"), "w-1", 4, now, now.plusSeconds(30));
    assertThat(got).extracting(WorkerCall::id).containsExactly("z-first", "b-second", "a-third", "tie-a");
    for (WorkerCall c : got) {
      assertThat(c.status()).isEqualTo(WorkerCallStatus.LEASED);
      assertThat(c.worker()).isEqualTo("w-1");
      assertThat(c.attempt()).isEqualTo(1);
      assertThat(c.leaseUntil()).isEqualTo(now.plusSeconds(30));
      assertThat(db.workerCalls().find(c.id())).contains(c);
    }
    assertThat(db.workerCalls().find("other-queue").orElseThrow().status()).isEqualTo(WorkerCallStatus.WAITING);
    assertThat(db.workerCalls().find("tie-b").orElseThrow().status()).isEqualTo(WorkerCallStatus.WAITING);
    assertThat(db.workerCalls().lease(List.of("payments"), "w-2", 10, now, now.plusSeconds(30)))
        .extracting(WorkerCall::id).containsExactly("tie-b");
    assertThat(db.workerCalls().lease(List.of(), "w-2", 10, now, now.plusSeconds(30))).isEmpty();
    assertThat(db.workerCalls().lease(List.of("mail"), "w-2", 0, now, now.plusSeconds(30))).isEmpty();
    assertThat(db.workerCalls().lease(List.of("nobody-polls-this"), "w-2", 10, now, now.plusSeconds(30))).isEmpty();
  }

  @Test
  void a_call_available_later_is_not_leased_before_then() {
    added("now", "i", "q", T0);
    WorkerCall later = new WorkerCall("later", "later-d", "i", "q", "s@1", json("a", 1), WorkerCallStatus.WAITING, 0, null,
        null, T0.plusSeconds(30), T0.minusSeconds(5), null, null);
    assertThat(db.workerCalls().add(later)).isTrue();
    assertThat(db.workerCalls().lease(List.of("q"), "w", 10, T0, LEASE_END)).extracting(WorkerCall::id)
        .containsExactly("now");
    assertThat(db.workerCalls().lease(List.of("q"), "w", 10, T0.plusSeconds(29), LEASE_END)).isEmpty();
    assertThat(db.workerCalls().lease(List.of("q"), "w", 10, T0.plusSeconds(30), LEASE_END)).extracting(WorkerCall::id)
        .containsExactly("later");
  }

  @Test
  void a_call_past_its_deadline_is_overdue_whether_waiting_or_leased_and_is_timed_out_once() {
    Instant deadline = T0.plusSeconds(60);
    db.workerCalls().add(WorkerCall.waiting("taken", "d1", "i", "q", "s@1", json("a", 1), T0, deadline));
    db.workerCalls().add(WorkerCall.waiting("untaken", "d2", "i", "q", "s@1", json("a", 2), T0.plusMillis(1), deadline));
    db.workerCalls().add(WorkerCall.waiting("no-limit", "d3", "i", "r", "s@1", json("a", 3), T0));
    db.workerCalls().add(WorkerCall.waiting("later", "d4", "i", "r", "s@1", json("a", 4), T0, deadline.plusSeconds(60)));
    assertThat(db.workerCalls().find("taken").orElseThrow().deadlineAt()).isEqualTo(deadline);
    assertThat(db.workerCalls().find("no-limit").orElseThrow().deadlineAt()).isNull();
    assertThat(db.workerCalls().lease(List.of("q"), "w", 1, T0, LEASE_END)).extracting(WorkerCall::id)
        .containsExactly("taken");
    // "taken" is the leased one now; "untaken" still waits
    assertThat(db.workerCalls().overdue(deadline.minusMillis(1), 10)).isEmpty();
    assertThat(db.workerCalls().overdue(deadline, 10)).extracting(WorkerCall::id).containsExactly("taken", "untaken"); // one deadline: by id
    assertThat(db.workerCalls().overdue(deadline, 1)).hasSize(1);
    assertThat(db.workerCalls().lease(List.of("q"), "w2", 10, deadline, LEASE_END)).as("past its deadline: not handed out")
        .isEmpty();
    assertThat(db.workerCalls().timeOut("taken", 0, deadline)).as("the attempt it had when seen: 1").isFalse();
    assertThat(db.workerCalls().timeOut("taken", 1, deadline)).isTrue();
    assertThat(db.workerCalls().timeOut("untaken", 0, deadline)).isTrue();
    assertThat(db.workerCalls().timeOut("untaken", 0, deadline)).as("once").isFalse();
    WorkerCall ended = db.workerCalls().find("taken").orElseThrow();
    assertThat(ended.status()).isEqualTo(WorkerCallStatus.FAILED);
    assertThat(ended.endedAt()).isEqualTo(deadline);
    assertThat(ended.leaseUntil()).isNull();
    assertThat(db.workerCalls().find("untaken").orElseThrow().status()).isEqualTo(WorkerCallStatus.FAILED);
    assertThat(db.workerCalls().overdue(deadline.plusSeconds(3600), 10)).extracting(WorkerCall::id)
        .containsExactly("later");
  }

  @Test
  void a_leased_call_is_not_leased_again() {
    added("c", "i", "q", T0);
    assertThat(leaseOne("q", "w-1").worker()).isEqualTo("w-1");
    assertThat(db.workerCalls().lease(List.of("q"), "w-2", 10, T0.plusSeconds(1), LEASE_END)).isEmpty();
    assertThat(db.workerCalls().lease(List.of("q"), "w-1", 10, T0.plusSeconds(1), LEASE_END)).isEmpty();
    WorkerCall read = db.workerCalls().find("c").orElseThrow();
    assertThat(read.worker()).isEqualTo("w-1");
    assertThat(read.attempt()).isEqualTo(1);
  }

  @Test
  void a_lease_skips_a_call_another_transaction_is_leasing() throws Exception {
    added("first", "i", "q", T0);
    added("second", "i", "q", T0.plusSeconds(1));
    CountDownLatch leased = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService other = Executors.newSingleThreadExecutor();
    ExecutorService fast = Executors.newSingleThreadExecutor();
    try {
      Future<List<WorkerCall>> holder = other.submit(() -> db.transactor().inTransaction(() -> {
        List<WorkerCall> got = db.workerCalls().lease(List.of("q"), "slow", 1, T0.plusSeconds(5), LEASE_END);
        leased.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        return got;
      }));
      assertThat(leased.await(10, TimeUnit.SECONDS)).isTrue();
      // on a second thread, so that a lease waiting for the lock fails the test instead of hanging it
      List<WorkerCall> mine = fast.submit(() -> db.workerCalls().lease(List.of("q"), "fast", 10, T0.plusSeconds(5),
          LEASE_END)).get(10, TimeUnit.SECONDS);
      release.countDown();
      assertThat(holder.get(10, TimeUnit.SECONDS)).extracting(WorkerCall::id).containsExactly("first");
      if (db.dialect() == Dialect.POSTGRES) {
        assertThat(mine).extracting(WorkerCall::id).containsExactly("second");
      } else {
        // H2 2.3 locks every row an ORDER BY ... LIMIT ... FOR UPDATE scanned, not only those it
        // returns: while the other lease is open, this one skips both (and does not wait)
        assertThat(mine).extracting(WorkerCall::id).doesNotContain("first");
      }
    } finally {
      release.countDown();
      other.shutdownNow();
      fast.shutdownNow();
    }
    assertThat(db.workerCalls().find("first").orElseThrow().worker()).isEqualTo("slow");
    db.workerCalls().lease(List.of("q"), "fast", 10, T0.plusSeconds(5), LEASE_END); // H2: now that the lock is gone
    assertThat(db.workerCalls().find("second").orElseThrow().worker()).isEqualTo("fast");
    assertThat(db.workerCalls().find("second").orElseThrow().attempt()).isEqualTo(1);
  }

  @Test
  void concurrent_leasers_never_get_the_same_call() throws Exception {
    int calls = 20;
    int threads = 4;
    for (int n = 0; n < calls; n++) {
      added(String.format("c-%02d", n), "i", "q", T0.plusMillis(n));
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<String>>> results = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        String worker = "w-" + t;
        results.add(pool.submit(() -> {
          start.await();
          List<String> mine = new ArrayList<>();
          while (true) {
            List<WorkerCall> got = db.workerCalls().lease(List.of("q"), worker, 1, T0.plusSeconds(1), LEASE_END);
            if (got.isEmpty()) {
              return mine;
            }
            assertThat(got).hasSize(1);
            assertThat(got.get(0).worker()).isEqualTo(worker);
            mine.add(got.get(0).id());
          }
        }));
      }
      start.countDown();
      List<String> all = new ArrayList<>();
      for (Future<List<String>> f : results) {
        all.addAll(f.get(60, TimeUnit.SECONDS));
      }
      assertThat(all).hasSize(calls).doesNotHaveDuplicates();
    } finally {
      pool.shutdownNow();
    }
    List<WorkerCall> stored = db.workerCalls().ofInstance("i");
    assertThat(stored).hasSize(calls).allSatisfy(c -> {
      assertThat(c.status()).isEqualTo(WorkerCallStatus.LEASED);
      assertThat(c.attempt()).isEqualTo(1);
    });
    Set<String> byWorker = new HashSet<>();
    for (int t = 0; t < threads; t++) {
      int th = t;
      List<String> ids = results.get(t).get();
      for (String id : ids) {
        assertThat(stored).filteredOn(c -> c.id().equals(id)).singleElement()
            .satisfies(c -> assertThat(c.worker()).isEqualTo("w-" + th));
        byWorker.add(id);
      }
    }
    assertThat(byWorker).hasSize(calls);
  }

  @Test
  void only_the_holder_at_its_attempt_extends_the_lease() {
    added("c", "i", "q", T0);
    WorkerCall leased = leaseOne("q", "w-1");
    assertThat(db.workerCalls().extend("c", "w-2", 1, T0.plusSeconds(600))).isFalse();
    assertThat(db.workerCalls().extend("c", "w-1", 2, T0.plusSeconds(600))).isFalse();
    assertThat(db.workerCalls().extend("nothing", "w-1", 1, T0.plusSeconds(600))).isFalse();
    assertThat(db.workerCalls().find("c")).contains(leased);
    assertThat(db.workerCalls().extend("c", "w-1", 1, T0.plusSeconds(600))).isTrue();
    WorkerCall extended = db.workerCalls().find("c").orElseThrow();
    assertThat(extended.leaseUntil()).isEqualTo(T0.plusSeconds(600));
    assertThat(extended.status()).isEqualTo(WorkerCallStatus.LEASED);
    assertThat(extended.worker()).isEqualTo("w-1");
    assertThat(extended.attempt()).isEqualTo(1);
  }

  @Test
  void a_waiting_call_cannot_be_extended_or_ended() {
    WorkerCall c = added("c", "i", "q", T0);
    assertThat(db.workerCalls().extend("c", "w-1", 0, LEASE_END)).isFalse();
    assertThat(db.workerCalls().end("c", "w-1", 0, WorkerCallStatus.COMPLETED, T0)).isFalse();
    assertThat(db.workerCalls().requeue("c", 0, T0)).isFalse();
    assertThat(db.workerCalls().fail("c", 0, T0)).isFalse();
    assertThat(db.workerCalls().find("c")).contains(c);
  }

  @Test
  void only_the_holder_at_its_attempt_ends_the_call() {
    added("c", "i", "q", T0);
    WorkerCall leased = leaseOne("q", "w-1");
    Instant at = T0.plusSeconds(7);
    assertThat(db.workerCalls().end("c", "w-2", 1, WorkerCallStatus.COMPLETED, at)).isFalse();
    assertThat(db.workerCalls().end("c", "w-1", 2, WorkerCallStatus.COMPLETED, at)).isFalse();
    assertThat(db.workerCalls().end("c", "w-1", 0, WorkerCallStatus.FAILED, at)).isFalse();
    assertThat(db.workerCalls().find("c")).contains(leased);
    assertThat(db.workerCalls().end("c", "w-1", 1, WorkerCallStatus.COMPLETED, at)).isTrue();
    WorkerCall ended = db.workerCalls().find("c").orElseThrow();
    assertThat(ended.status()).isEqualTo(WorkerCallStatus.COMPLETED);
    assertThat(ended.endedAt()).isEqualTo(at);
    assertThat(ended.leaseUntil()).isNull();
    assertThat(ended.attempt()).isEqualTo(1);
    assertThat(ended.status().ended()).isTrue();
    assertThat(db.workerCalls().end("c", "w-1", 1, WorkerCallStatus.FAILED, at.plusSeconds(1))).as("ended once")
        .isFalse();
    assertThat(db.workerCalls().extend("c", "w-1", 1, LEASE_END)).isFalse();
    assertThat(db.workerCalls().requeue("c", 1, at)).isFalse();
    assertThat(db.workerCalls().fail("c", 1, at)).isFalse();
    assertThat(db.workerCalls().find("c")).contains(ended);
    assertThat(db.workerCalls().lease(List.of("q"), "w-2", 10, at, LEASE_END)).isEmpty();
  }

  @Test
  void a_worker_ends_a_call_as_failed() {
    added("c", "i", "q", T0);
    leaseOne("q", "w-1");
    assertThat(db.workerCalls().end("c", "w-1", 1, WorkerCallStatus.FAILED, T0.plusSeconds(3))).isTrue();
    WorkerCall ended = db.workerCalls().find("c").orElseThrow();
    assertThat(ended.status()).isEqualTo(WorkerCallStatus.FAILED);
    assertThat(ended.endedAt()).isEqualTo(T0.plusSeconds(3));
  }

  @Test
  void a_worker_cannot_end_a_call_as_waiting_leased_or_cancelled() {
    added("c", "i", "q", T0);
    WorkerCall leased = leaseOne("q", "w-1");
    for (WorkerCallStatus to : List.of(WorkerCallStatus.WAITING, WorkerCallStatus.LEASED, WorkerCallStatus.CANCELLED)) {
      assertThatThrownBy(() -> db.workerCalls().end("c", "w-1", 1, to, T0)).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(db.workerCalls().find("c")).contains(leased);
  }

  @Test
  void expired_lists_only_leases_that_ran_out_oldest_end_first() {
    added("a", "i", "q", T0);
    added("b", "i", "q", T0.plusSeconds(1));
    added("c", "i", "q", T0.plusSeconds(2));
    added("waiting", "i", "later", T0);
    db.workerCalls().lease(List.of("q"), "w", 1, T0.plusSeconds(5), T0.plusSeconds(50)); // a
    db.workerCalls().lease(List.of("q"), "w", 1, T0.plusSeconds(5), T0.plusSeconds(20)); // b
    db.workerCalls().lease(List.of("q"), "w", 1, T0.plusSeconds(5), T0.plusSeconds(100)); // c
    assertThat(db.workerCalls().expired(T0.plusSeconds(20), 10)).isEmpty(); // lease_until < now, not <=
    assertThat(db.workerCalls().expired(T0.plusSeconds(21), 10)).extracting(WorkerCall::id).containsExactly("b");
    assertThat(db.workerCalls().expired(T0.plusSeconds(60), 10)).extracting(WorkerCall::id).containsExactly("b", "a");
    assertThat(db.workerCalls().expired(T0.plusSeconds(600), 2)).extracting(WorkerCall::id).containsExactly("b", "a");
    assertThat(db.workerCalls().expired(T0.plusSeconds(600), 10)).extracting(WorkerCall::id)
        .containsExactly("b", "a", "c");
    db.workerCalls().end("b", "w", 1, WorkerCallStatus.COMPLETED, T0.plusSeconds(6));
    assertThat(db.workerCalls().expired(T0.plusSeconds(600), 10)).extracting(WorkerCall::id).containsExactly("a", "c");
    assertThat(db.workerCalls().expired(T0.plusSeconds(600), 10)).allSatisfy(c -> {
      assertThat(c.status()).isEqualTo(WorkerCallStatus.LEASED);
      assertThat(c.worker()).isEqualTo("w");
    });
  }

  @Test
  void a_requeued_call_is_leased_again_at_the_next_attempt() {
    added("c", "i", "q", T0);
    WorkerCall first = leaseOne("q", "w-1");
    assertThat(db.workerCalls().requeue("c", 2, T0.plusSeconds(30))).isFalse();
    assertThat(db.workerCalls().find("c")).contains(first);
    assertThat(db.workerCalls().requeue("c", 1, T0.plusSeconds(30))).isTrue();
    assertThat(db.workerCalls().requeue("c", 1, T0.plusSeconds(30))).as("already waiting").isFalse();
    WorkerCall waiting = db.workerCalls().find("c").orElseThrow();
    assertThat(waiting.status()).isEqualTo(WorkerCallStatus.WAITING);
    assertThat(waiting.worker()).isNull();
    assertThat(waiting.leaseUntil()).isNull();
    assertThat(waiting.availableAt()).isEqualTo(T0.plusSeconds(30));
    assertThat(waiting.attempt()).isEqualTo(1);
    assertThat(db.workerCalls().expired(T0.plusSeconds(600), 10)).isEmpty();
    assertThat(db.workerCalls().lease(List.of("q"), "w-2", 1, T0.plusSeconds(29), LEASE_END)).isEmpty();
    List<WorkerCall> again = db.workerCalls().lease(List.of("q"), "w-2", 1, T0.plusSeconds(30), T0.plusSeconds(90));
    assertThat(again).hasSize(1);
    assertThat(again.get(0).attempt()).isEqualTo(2);
    assertThat(again.get(0).worker()).isEqualTo("w-2");
    assertThat(again.get(0).leaseUntil()).isEqualTo(T0.plusSeconds(90));
    // the first holder's lease is gone: its attempt no longer counts
    assertThat(db.workerCalls().end("c", "w-1", 1, WorkerCallStatus.COMPLETED, T0.plusSeconds(31))).isFalse();
    assertThat(db.workerCalls().extend("c", "w-1", 1, T0.plusSeconds(900))).isFalse();
    assertThat(db.workerCalls().end("c", "w-2", 2, WorkerCallStatus.COMPLETED, T0.plusSeconds(31))).isTrue();
  }

  @Test
  void fail_ends_a_call_leased_at_that_attempt_whoever_holds_it() {
    added("c", "i", "q", T0);
    WorkerCall leased = leaseOne("q", "w-1");
    assertThat(db.workerCalls().fail("c", 2, T0.plusSeconds(9))).isFalse();
    assertThat(db.workerCalls().fail("nothing", 1, T0.plusSeconds(9))).isFalse();
    assertThat(db.workerCalls().find("c")).contains(leased);
    assertThat(db.workerCalls().fail("c", 1, T0.plusSeconds(9))).isTrue();
    WorkerCall failed = db.workerCalls().find("c").orElseThrow();
    assertThat(failed.status()).isEqualTo(WorkerCallStatus.FAILED);
    assertThat(failed.endedAt()).isEqualTo(T0.plusSeconds(9));
    assertThat(failed.leaseUntil()).isNull();
    assertThat(db.workerCalls().fail("c", 1, T0.plusSeconds(10))).isFalse();
    assertThat(db.workerCalls().end("c", "w-1", 1, WorkerCallStatus.COMPLETED, T0.plusSeconds(10))).isFalse();
    assertThat(db.workerCalls().find("c").orElseThrow().endedAt()).isEqualTo(T0.plusSeconds(9));
  }

  @Test
  void cancel_of_an_instance_ends_its_waiting_and_leased_calls_only() {
    added("waiting", "i", "wq", T0);
    added("leased", "i", "q", T0.plusSeconds(1));
    added("done", "i", "done-q", T0.plusSeconds(2));
    added("failed", "i", "failed-q", T0.plusSeconds(3));
    added("other-instance", "j", "q", T0);
    assertThat(db.workerCalls().lease(List.of("q"), "w", 1, T0.plusSeconds(5), LEASE_END))
        .extracting(WorkerCall::id).containsExactly("other-instance");
    assertThat(db.workerCalls().lease(List.of("q"), "w", 1, T0.plusSeconds(5), LEASE_END))
        .extracting(WorkerCall::id).containsExactly("leased");
    leaseOne("done-q", "w");
    db.workerCalls().end("done", "w", 1, WorkerCallStatus.COMPLETED, T0.plusSeconds(6));
    leaseOne("failed-q", "w");
    db.workerCalls().fail("failed", 1, T0.plusSeconds(7));
    WorkerCall doneBefore = db.workerCalls().find("done").orElseThrow();
    WorkerCall failedBefore = db.workerCalls().find("failed").orElseThrow();

    Instant at = T0.plusSeconds(8);
    assertThat(db.workerCalls().cancelOf("i", at)).isEqualTo(2);
    assertThat(db.workerCalls().ofInstance("i")).extracting(WorkerCall::id, WorkerCall::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple("waiting", WorkerCallStatus.CANCELLED),
        org.assertj.core.groups.Tuple.tuple("leased", WorkerCallStatus.CANCELLED),
        org.assertj.core.groups.Tuple.tuple("done", WorkerCallStatus.COMPLETED),
        org.assertj.core.groups.Tuple.tuple("failed", WorkerCallStatus.FAILED));
    assertThat(db.workerCalls().find("waiting").orElseThrow().endedAt()).isEqualTo(at);
    assertThat(db.workerCalls().find("leased").orElseThrow().endedAt()).isEqualTo(at);
    assertThat(db.workerCalls().find("leased").orElseThrow().leaseUntil()).isNull();
    assertThat(db.workerCalls().find("done")).contains(doneBefore);
    assertThat(db.workerCalls().find("failed")).contains(failedBefore);
    assertThat(db.workerCalls().find("other-instance").orElseThrow().status()).isEqualTo(WorkerCallStatus.LEASED);
    assertThat(db.workerCalls().end("leased", "w", 1, WorkerCallStatus.COMPLETED, at)).as("a cancelled lease").isFalse();
    assertThat(db.workerCalls().expired(T0.plusSeconds(6000), 10)).extracting(WorkerCall::id)
        .containsExactly("other-instance");
    assertThat(db.workerCalls().lease(List.of("q", "wq"), "w", 10, T0.plusSeconds(6000), LEASE_END)).isEmpty();
    assertThat(db.workerCalls().cancelOf("i", at)).isZero();
    assertThat(db.workerCalls().cancelOf("nobody", at)).isZero();
  }

  @Test
  void the_calls_of_an_instance_are_listed_oldest_first() {
    added("b", "i", "q", T0.plusSeconds(1));
    added("c", "i", "q", T0);
    added("a", "i", "q", T0.plusSeconds(1));
    added("x", "other", "q", T0);
    assertThat(db.workerCalls().ofInstance("i")).extracting(WorkerCall::id).containsExactly("c", "a", "b");
  }

  @Test
  void calls_join_the_callers_transaction() {
    assertThatThrownBy(() -> db.transactor().inTransaction(() -> {
      db.workerCalls().add(call("c", "i", "q", T0));
      assertThat(db.workerCalls().find("c")).isPresent();
      throw new IllegalStateException("roll back");
    })).hasMessage("roll back");
    assertThat(db.workerCalls().find("c")).isEmpty();
    added("d", "i", "q", T0);
    assertThatThrownBy(() -> db.transactor().inTransaction(() -> {
      assertThat(db.workerCalls().lease(List.of("q"), "w", 1, T0, LEASE_END)).hasSize(1);
      throw new IllegalStateException("roll back");
    })).hasMessage("roll back");
    assertThat(db.workerCalls().find("d").orElseThrow().status()).isEqualTo(WorkerCallStatus.WAITING);
    assertThat(db.workerCalls().find("d").orElseThrow().attempt()).isZero();
  }
}
