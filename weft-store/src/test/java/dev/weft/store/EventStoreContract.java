package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@link EventStore} contract (with the outbox entries a decision writes), run on every database. */
abstract class EventStoreContract extends StoreContract {
  private static Decision decision(String id, long expected, InstanceStatus to, int step, List<Command> commands,
      String... events) {
    List<NewEvent> es = java.util.Arrays.stream(events).map(t -> new NewEvent(t, json("step", step))).toList();
    return new Decision(id, expected, to, json("step", step), es, commands);
  }

  private static Command call(String instance, String pointer, int attempt) {
    return new Command(new CommandId(instance, pointer, attempt), "call", json("attempt", attempt));
  }

  @Test
  void a_decision_writes_snapshot_events_and_commands_together() {
    newInstance("i-1");
    long v = db.events().append(decision("i-1", 1, InstanceStatus.RUNNING, 1,
        List.of(call("i-1", "/do/0/fetch", 1)), "started", "taskScheduled"), T0);
    assertThat(v).isEqualTo(2);
    Instance i = db.instances().find("i-1").orElseThrow();
    assertThat(i.version()).isEqualTo(2);
    assertThat(i.status()).isEqualTo(InstanceStatus.RUNNING);
    assertThat(i.snapshot()).isEqualTo(json("step", 1));
    assertThat(db.events().history("i-1")).extracting(RecordedEvent::type).containsExactly("started", "taskScheduled");
    assertThat(db.outbox().pending(10)).extracting(PendingCommand::id).containsExactly("i-1:/do/0/fetch#1");
  }

  @Test
  void operations_move_an_instance_through_suspend_resume_failure_and_retry() {
    newInstance("i-1");
    long v = db.events().append(decision("i-1", 1, InstanceStatus.RUNNING, 1, List.of(), "Started"), T0);
    v = db.events().append(decision("i-1", v, InstanceStatus.SUSPENDED, 2, List.of(), "Suspended"), T0);
    v = db.events().append(decision("i-1", v, InstanceStatus.SUSPENDED, 3, List.of(), "CommandFailed"), T0);
    v = db.events().append(decision("i-1", v, InstanceStatus.FAILED, 4, List.of(), "Resumed"), T0);
    v = db.events().append(decision("i-1", v, InstanceStatus.RUNNING, 5, List.of(call("i-1", "/do/0/x@1/rerun/1", 0)),
        "RetryRequested"), T0);
    assertThat(db.instances().find("i-1").orElseThrow().status()).isEqualTo(InstanceStatus.RUNNING);
    v = db.events().append(decision("i-1", v, InstanceStatus.SUSPENDED, 6, List.of(), "Suspended"), T0);
    db.events().append(decision("i-1", v, InstanceStatus.COMPLETED, 7, List.of(), "Resumed"), T0);
    assertThat(db.instances().find("i-1").orElseThrow().status()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(db.events().history("i-1")).extracting(RecordedEvent::type).containsExactly(
        "Started", "Suspended", "CommandFailed", "Resumed", "RetryRequested", "Suspended", "Resumed");
  }

  @Test
  void history_keeps_append_order_across_decisions() {
    newInstance("i-1");
    long v = 1;
    for (int step = 1; step <= 5; step++) {
      v = db.events().append(decision("i-1", v, InstanceStatus.RUNNING, step, List.of(), "e" + step + "a", "e" + step + "b"), T0);
    }
    List<RecordedEvent> history = db.events().history("i-1");
    assertThat(history).extracting(RecordedEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(history).extracting(RecordedEvent::type)
        .containsExactly("e1a", "e1b", "e2a", "e2b", "e3a", "e3b", "e4a", "e4b", "e5a", "e5b");
    assertThat(history.get(9).payload()).isEqualTo(json("step", 5));
    assertThat(db.events().history("nobody")).isEmpty();
  }

  @Test
  void a_stale_decision_is_refused_and_leaves_nothing_behind() {
    newInstance("i-1");
    db.events().append(decision("i-1", 1, InstanceStatus.RUNNING, 1, List.of(), "started"), T0);
    assertThatThrownBy(() -> db.events().append(decision("i-1", 1, InstanceStatus.RUNNING, 9,
        List.of(call("i-1", "/do/9/x", 1)), "late"), T0))
        .isInstanceOf(StaleVersionException.class);
    assertThat(db.events().history("i-1")).extracting(RecordedEvent::type).containsExactly("started");
    assertThat(db.outbox().pending(10)).isEmpty();
  }

  @Test
  void a_decision_that_fails_midway_leaves_nothing_behind() {
    newInstance("i-1");
    assertThatThrownBy(() -> db.transactor().inTransaction(() -> {
      db.events().append(decision("i-1", 1, InstanceStatus.RUNNING, 1, List.of(call("i-1", "/do/0/a", 1)), "started"), T0);
      db.timers().schedule(new Timer("t-1", "i-1", T0.plusSeconds(60), json("wait", 1)));
      throw new IllegalStateException("executor crashed before commit");
    })).hasMessageContaining("crashed");
    Instance i = db.instances().find("i-1").orElseThrow();
    assertThat(i.version()).isEqualTo(1);
    assertThat(i.status()).isEqualTo(InstanceStatus.PENDING);
    assertThat(db.events().history("i-1")).isEmpty();
    assertThat(db.outbox().pending(10)).isEmpty();
    assertThat(db.timers().due(T0.plusSeconds(3600), 10)).isEmpty();
  }

  @Test
  void the_same_command_id_twice_is_stored_once() {
    newInstance("i-1");
    long v = db.events().append(decision("i-1", 1, InstanceStatus.RUNNING, 1, List.of(call("i-1", "/do/0/a", 1)), "s"), T0);
    db.events().append(decision("i-1", v, InstanceStatus.RUNNING, 2,
        List.of(call("i-1", "/do/0/a", 1), call("i-1", "/do/0/a", 2)), "retry"), T0.plusSeconds(1));
    assertThat(db.outbox().pending(10)).extracting(PendingCommand::id)
        .containsExactly("i-1:/do/0/a#1", "i-1:/do/0/a#2");
  }

  @Test
  void a_command_is_marked_done_once() {
    newInstance("i-1");
    db.events().append(decision("i-1", 1, InstanceStatus.RUNNING, 1, List.of(call("i-1", "/do/0/a", 1)), "s"), T0);
    assertThat(db.outbox().markDone("i-1:/do/0/a#1", T0)).isTrue();
    assertThat(db.outbox().markDone("i-1:/do/0/a#1", T0)).isFalse();
    assertThat(db.outbox().pending(10)).isEmpty();
    assertThatThrownBy(() -> db.outbox().markDone("nope", T0)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void a_decision_may_not_leave_a_completed_instance() {
    newInstance("i-1");
    long v = db.events().append(decision("i-1", 1, InstanceStatus.COMPLETED, 1, List.of(), "done"), T0);
    assertThatThrownBy(() -> db.events().append(decision("i-1", v, InstanceStatus.RUNNING, 2, List.of(), "zombie"), T0))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(db.events().history("i-1")).hasSize(1);
  }

  @Test
  void a_reopened_database_keeps_instances_history_and_outbox() {
    newInstance("i-1");
    db.events().append(decision("i-1", 1, InstanceStatus.RUNNING, 1, List.of(call("i-1", "/do/0/a", 1)), "started"), T0);
    reopen();
    assertThat(db.instances().find("i-1").orElseThrow().version()).isEqualTo(2);
    assertThat(db.events().history("i-1")).extracting(RecordedEvent::type).containsExactly("started");
    assertThat(db.outbox().pending(10)).extracting(PendingCommand::id).containsExactly("i-1:/do/0/a#1");
  }

  @Test
  void of_two_racing_decisions_on_one_version_exactly_one_wins() throws Exception {
    newInstance("i-1");
    int racers = 4;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(racers);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
    for (int r = 0; r < racers; r++) {
      int step = r + 1;
      results.add(pool.submit(() -> {
        start.await();
        try {
          db.events().append(decision("i-1", 1, InstanceStatus.RUNNING, step,
              List.of(call("i-1", "/do/" + step, 1)), "racer" + step), T0);
          return true;
        } catch (StaleVersionException lost) {
          return false;
        }
      }));
    }
    start.countDown();
    int winners = 0;
    for (var f : results) {
      winners += f.get() ? 1 : 0;
    }
    pool.shutdown();
    assertThat(winners).isEqualTo(1);
    assertThat(db.events().history("i-1")).hasSize(1);
    assertThat(db.outbox().pending(10)).hasSize(1);
    assertThat(db.instances().find("i-1").orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void an_instance_created_with_its_first_decision_is_stored_as_create_then_append_would_store_it() {
    newInstance("i-1");
    db.events().append(decision("i-1", 1, InstanceStatus.RUNNING, 1, List.of(call("i-1", "/do/0/a", 1)), "Started", "more"),
        T0);
    NewInstance fresh = new NewInstance("i-2", "key-i-2", "order", 1, json("step", 0));
    assertThat(db.events().createDecided(fresh, decision("i-2", 1, InstanceStatus.RUNNING, 1,
        List.of(call("i-2", "/do/0/a", 1)), "Started", "more"), T0)).isTrue();
    Instance appended = db.instances().find("i-1").orElseThrow();
    Instance created = db.instances().find("i-2").orElseThrow();
    assertThat(created).usingRecursiveComparison().ignoringFields("id", "idempotencyKey").isEqualTo(appended);
    assertThat(db.events().history("i-2")).extracting(RecordedEvent::seq, RecordedEvent::type)
        .containsExactlyElementsOf(db.events().history("i-1").stream().map(e -> org.assertj.core.groups.Tuple.tuple(
            e.seq(), e.type())).toList());
    assertThat(db.outbox().pending(10)).extracting(PendingCommand::id).containsExactly("i-1:/do/0/a#1", "i-2:/do/0/a#1");
    reopen();
    assertThat(db.instances().find("i-2").orElseThrow().status()).isEqualTo(InstanceStatus.RUNNING);
    assertThat(db.events().history("i-2")).hasSize(2);
  }

  @Test
  void a_first_decision_on_a_taken_key_or_id_writes_nothing() {
    newInstance("i-1");
    Decision first = decision("i-9", 1, InstanceStatus.COMPLETED, 1, List.of(call("i-9", "/do/0/a", 1)), "Started");
    assertThat(db.events().createDecided(new NewInstance("i-9", "key-i-1", "order", 1, json("step", 0)), first, T0))
        .isFalse();
    Decision onTakenId = decision("i-1", 1, InstanceStatus.COMPLETED, 1, List.of(), "Started");
    assertThat(db.events().createDecided(new NewInstance("i-1", "another-key", "order", 1, json("step", 0)), onTakenId, T0))
        .isFalse();
    assertThat(db.instances().find("i-9")).isEmpty();
    Instance untouched = db.instances().find("i-1").orElseThrow();
    assertThat(untouched.status()).isEqualTo(InstanceStatus.PENDING);
    assertThat(untouched.version()).isEqualTo(1);
    assertThat(db.events().history("i-1")).isEmpty();
    assertThat(db.events().history("i-9")).isEmpty();
    assertThat(db.outbox().pending(10)).isEmpty();
  }

  @Test
  void a_first_decision_must_be_on_the_new_instance_at_version_one() {
    NewInstance fresh = new NewInstance("i-2", "key-i-2", "order", 1, json("step", 0));
    assertThatThrownBy(() -> db.events().createDecided(fresh, decision("i-2", 2, InstanceStatus.RUNNING, 1, List.of(),
        "Started"), T0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 1");
    assertThatThrownBy(() -> db.events().createDecided(fresh, decision("i-3", 1, InstanceStatus.RUNNING, 1, List.of(),
        "Started"), T0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("i-3");
    assertThat(db.instances().find("i-2")).isEmpty();
  }

  @Test
  void the_journal_of_an_instance_created_decided_goes_on_after_its_first_events() {
    NewInstance fresh = new NewInstance("i-2", "key-i-2", "order", 1, json("step", 0));
    assertThat(db.events().createDecided(fresh, decision("i-2", 1, InstanceStatus.RUNNING, 1, List.of(), "Started", "more"),
        T0)).isTrue();
    long v = db.events().append(decision("i-2", 2, InstanceStatus.RUNNING, 2, List.of(), "third"), T0.plusSeconds(5));
    db.events().append(decision("i-2", v, InstanceStatus.COMPLETED, 3, List.of(), "fourth", "fifth"), T0.plusSeconds(9));
    List<RecordedEvent> history = db.events().history("i-2");
    assertThat(history).extracting(RecordedEvent::seq, RecordedEvent::type).containsExactly(
        org.assertj.core.groups.Tuple.tuple(1L, "Started"), org.assertj.core.groups.Tuple.tuple(2L, "more"),
        org.assertj.core.groups.Tuple.tuple(3L, "third"), org.assertj.core.groups.Tuple.tuple(4L, "fourth"),
        org.assertj.core.groups.Tuple.tuple(5L, "fifth"));
    assertThat(history).extracting(RecordedEvent::payload).containsExactly(json("step", 1), json("step", 1),
        json("step", 2), json("step", 3), json("step", 3));
    assertThat(history).extracting(RecordedEvent::recordedAt).containsExactly(T0, T0, T0.plusSeconds(5),
        T0.plusSeconds(9), T0.plusSeconds(9));
  }

  @Test
  void unfinished_instances_are_listed_by_status_from_creation_to_their_end_and_again_on_retry() {
    NewInstance born = new NewInstance("i-1", "key-i-1", "order", 1, json("step", 0));
    db.events().createDecided(born, decision("i-1", 1, InstanceStatus.COMPLETED, 1, List.of(), "Started"), T0);
    NewInstance running = new NewInstance("i-2", "key-i-2", "order", 1, json("step", 0));
    db.events().createDecided(running, decision("i-2", 1, InstanceStatus.RUNNING, 1, List.of(), "Started"), T0);
    newInstance("i-3");
    assertThat(ids(InstanceStatus.RUNNING)).containsExactly("i-2");
    assertThat(ids(InstanceStatus.PENDING)).containsExactly("i-3");
    assertThat(ids(InstanceStatus.COMPLETED)).containsExactly("i-1");
    long v = db.events().append(decision("i-2", 2, InstanceStatus.FAILED, 2, List.of(), "Failed"), T0);
    assertThat(ids(InstanceStatus.RUNNING)).isEmpty();
    assertThat(ids(InstanceStatus.FAILED)).containsExactly("i-2");
    db.events().append(decision("i-2", v, InstanceStatus.RUNNING, 3, List.of(), "RetryRequested"), T0);
    db.instances().transition("i-3", 1, InstanceStatus.CANCELLED, T0);
    reopen();
    assertThat(ids(InstanceStatus.RUNNING)).containsExactly("i-2");
    assertThat(ids(InstanceStatus.PENDING)).isEmpty();
    assertThat(ids(InstanceStatus.CANCELLED)).containsExactly("i-3");
    assertThat(db.instances().claim("worker", java.time.Duration.ofMinutes(1), T0, 10)).extracting(Instance::id)
        .containsExactly("i-2");
  }

  private boolean created(String id, String key, InstanceStatus to, List<Command> commands) {
    return db.events().createDecided(new NewInstance(id, key, "order", 1, json("step", 0)),
        decision(id, 1, to, 1, commands, "Started"), T0);
  }

  @Test
  void an_instance_created_decided_is_read_at_once_by_another_thread() throws Exception {
    assertThat(created("i-1", "key-i-1", InstanceStatus.RUNNING, List.of(call("i-1", "/do/0/a", 1)))).isTrue();
    java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      assertThat(other.submit(() -> db.instances().find("i-1")).get()).isPresent();
      assertThat(other.submit(() -> db.events().history("i-1")).get()).hasSize(1);
      assertThat(other.submit(() -> db.outbox().pending(10)).get()).extracting(PendingCommand::id)
          .containsExactly("i-1:/do/0/a#1");
      assertThat(other.submit(() -> ids(InstanceStatus.RUNNING)).get()).containsExactly("i-1");
    } finally {
      other.shutdown();
    }
  }

  @Test
  void transactions_racing_for_one_key_create_one_instance() throws Exception {
    int racers = 8;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(racers);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
    try {
      for (int r = 0; r < racers; r++) {
        String id = "racer-" + r;
        boolean ordinary = r % 2 == 1; // half of them the ordinary way, which must see the others
        results.add(pool.submit(() -> {
          start.await();
          if (ordinary) {
            return db.instances().create(new NewInstance(id, "the-key", "order", 1, json("step", 0)), T0).id().equals(id);
          }
          return created(id, "the-key", InstanceStatus.COMPLETED, List.of());
        }));
      }
      start.countDown();
      long winners = 0;
      for (java.util.concurrent.Future<Boolean> f : results) {
        winners += f.get() ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdown();
    }
    Instance one = db.instances().create(new NewInstance("late", "the-key", "order", 1, json("step", 0)), T0);
    assertThat(one.id()).startsWith("racer-");
    assertThat(db.instances().list(InstanceFilter.all(100))).extracting(Instance::id).containsExactly(one.id());
  }

  @Test
  void later_calls_of_the_creating_transaction_see_the_instance_and_a_rollback_removes_it() {
    db.transactor().inTransaction(() -> {
      assertThat(created("i-1", "key-i-1", InstanceStatus.RUNNING, List.of())).isTrue();
      assertThat(created("i-1", "key-other", InstanceStatus.RUNNING, List.of())).isFalse();
      assertThat(db.instances().create(new NewInstance("i-x", "key-i-1", "order", 1, json("step", 0)), T0).id())
          .isEqualTo("i-1");
      assertThat(db.events().history("i-1")).hasSize(1);
      return null;
    });
    assertThat(db.instances().find("i-1").orElseThrow().version()).isEqualTo(2);
    assertThatThrownBy(() -> db.transactor().inTransaction(() -> {
      created("i-2", "key-i-2", InstanceStatus.RUNNING, List.of(call("i-2", "/do/0/a", 1)));
      throw new IllegalStateException("the caller gives up");
    })).hasMessage("the caller gives up");
    assertThat(db.instances().find("i-2")).isEmpty();
    assertThat(db.outbox().pending(10)).isEmpty();
    assertThat(created("i-2", "key-i-2", InstanceStatus.RUNNING, List.of())).isTrue();
  }

  @Test
  void a_failed_piece_of_a_group_commit_creates_nothing_and_the_others_are_kept() {
    try (GroupCommitter group = db.groupCommitter(8, java.time.Duration.ofMillis(200))) {
      java.util.concurrent.CompletableFuture<Boolean> kept = group.submit(
          () -> created("i-1", "key-i-1", InstanceStatus.COMPLETED, List.of()));
      java.util.concurrent.CompletableFuture<Boolean> failed = group.submit(() -> {
        created("i-2", "key-i-2", InstanceStatus.RUNNING, List.of(call("i-2", "/do/0/a", 1)));
        db.instances().find("i-1"); // makes the transaction write what it deferred so far
        throw new IllegalStateException("this piece fails");
      });
      java.util.concurrent.CompletableFuture<Boolean> after = group.submit(
          () -> created("i-3", "key-i-3", InstanceStatus.COMPLETED, List.of()));
      assertThat(kept.join()).isTrue();
      assertThatThrownBy(failed::join).hasRootCauseMessage("this piece fails");
      assertThat(after.join()).isTrue();
    }
    assertThat(db.instances().find("i-1")).isPresent();
    assertThat(db.instances().find("i-2")).isEmpty();
    assertThat(db.instances().find("i-3")).isPresent();
    assertThat(db.outbox().pending(10)).isEmpty();
    reopen();
    assertThat(db.instances().list(InstanceFilter.all(10))).extracting(Instance::id).containsExactlyInAnyOrder("i-1", "i-3");
  }

  @Test
  void once_written_the_instances_are_in_the_tables_for_any_connection() throws Exception {
    for (int i = 0; i < 500; i++) {
      created("n-" + i, "key-n-" + i, InstanceStatus.COMPLETED, List.of());
    }
    db.awaitWritten();
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(testUrl());
        java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM weft_instance")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(500);
    }
  }

  @Test
  void a_creation_after_other_store_calls_commits_with_them_in_one_transaction() throws Exception {
    db.transactor().inTransaction(() -> {
      newInstance("first"); // an ordinary write before the creation
      return created("second", "key-second", InstanceStatus.COMPLETED, List.of());
    });
    // committed with the first, in the tables at once, not waiting for the intake's applier
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(testUrl());
        java.sql.ResultSet rs = c.createStatement().executeQuery(
            "SELECT COUNT(*) FROM weft_instance WHERE id IN ('first', 'second')")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(2);
    }
  }

  @Test
  void many_instances_created_decided_survive_closing_and_reopening() {
    for (int i = 0; i < 3_000; i++) {
      assertThat(created("n-" + i, "key-n-" + i, i % 2 == 0 ? InstanceStatus.COMPLETED : InstanceStatus.RUNNING,
          List.of())).isTrue();
    }
    reopen();
    assertThat(db.instances().list(InstanceFilter.all(10_000))).hasSize(3_000);
    assertThat(ids(InstanceStatus.RUNNING)).hasSize(10); // the filter's limit
    assertThat(db.instances().list(InstanceFilter.all(10_000).withStatus(InstanceStatus.RUNNING))).hasSize(1_500);
    assertThat(db.events().history("n-2999")).hasSize(1);
  }

  private List<String> ids(InstanceStatus status) {
    return db.instances().list(InstanceFilter.all(10).withStatus(status)).stream().map(Instance::id).toList();
  }
}
