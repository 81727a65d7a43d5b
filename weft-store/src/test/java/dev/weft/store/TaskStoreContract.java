package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.model.lifecycle.IllegalTaskTransitionException;
import dev.weft.model.lifecycle.TaskEvent;
import dev.weft.model.lifecycle.TaskLifecycle;
import dev.weft.model.lifecycle.TaskState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The {@link JobStore} and {@link TaskStore} contracts, run on every database. */
abstract class TaskStoreContract extends StoreContract {
  static NewTask task(String id) {
    return new NewTask(id, "etl", json("cpu", 1), "root.default", 50);
  }

  Job submit(String jobId, String... taskIds) {
    List<NewTask> tasks = new ArrayList<>();
    for (String t : taskIds) {
      tasks.add(task(t));
    }
    return db.jobs().submit(new NewJob(jobId, "nightly", taskIds.length == 1 ? JobKind.SINGLE : JobKind.ARRAY,
        tasks), T0);
  }

  TaskRecord task(String id, TaskEvent event) {
    TaskRecord t = db.tasks().find(id).orElseThrow();
    TaskChange change = event == TaskEvent.PLACE ? TaskChange.place(id, t.version(), "n-1")
        : TaskChange.of(id, t.version(), event, event.name().toLowerCase());
    return db.tasks().apply(change, T0.plusSeconds(t.version()));
  }

  @Test
  void a_submitted_job_stores_its_tasks_pending_and_again_adds_nothing() {
    Job job = submit("j-1", "j-1/0", "j-1/1");
    assertThat(job.kind()).isEqualTo(JobKind.ARRAY);
    assertThat(submit("j-1", "j-1/0", "j-1/1", "j-1/2")).isEqualTo(job);
    List<TaskRecord> tasks = db.tasks().ofJob("j-1");
    assertThat(tasks).extracting(TaskRecord::id).containsExactly("j-1/0", "j-1/1");
    assertThat(tasks).allSatisfy(t -> {
      assertThat(t.status()).isEqualTo(TaskState.PENDING);
      assertThat(t.attempt()).isZero();
      assertThat(t.version()).isEqualTo(1);
      assertThat(t.spec()).isEqualTo(json("cpu", 1));
      assertThat(t.queue()).isEqualTo("root.default");
    });
    assertThat(db.jobs().list(10)).containsExactly(job);
    assertThat(db.tasks().countsOfJob("j-1")).containsExactly(Map.entry(TaskState.PENDING, 2));
    task("j-1/1", TaskEvent.PLACE);
    assertThat(db.tasks().countsOfJob("j-1")).containsOnly(Map.entry(TaskState.PENDING, 1), Map.entry(TaskState.PLACED, 1));
    assertThat(db.tasks().countsOfJob("no-such-job")).isEmpty();
  }

  @Test
  void storing_a_job_tells_whether_this_call_stored_it() {
    NewJob job = new NewJob("j-1", "nightly", JobKind.ARRAY, List.of(task("j-1/0"), task("j-1/1")));
    StoredJob first = db.jobs().store(job, T0);
    assertThat(first.created()).isTrue();
    StoredJob again = db.jobs().store(job, T0.plusSeconds(1));
    assertThat(again.created()).isFalse();
    assertThat(again.job()).isEqualTo(first.job());
    assertThat(db.tasks().ofJob("j-1")).hasSize(2);
  }

  @Test
  void a_delayed_job_keeps_its_not_before_time_and_queues_its_tasks_then() {
    Instant later = T0.plusSeconds(90);
    Job delayed = db.jobs().submit(new NewJob("j-1", "nightly", JobKind.ARRAY, List.of(task("j-1/0"), task("j-1/1")),
        later), T0);
    assertThat(delayed.submittedAt()).isEqualTo(T0);
    assertThat(delayed.notBefore()).isEqualTo(later);
    assertThat(delayed.queuedAt()).isEqualTo(later);
    assertThat(db.jobs().find("j-1")).contains(delayed);
    assertThat(db.tasks().ofJob("j-1")).extracting(TaskRecord::submittedAt).containsOnly(later);

    Job past = db.jobs().submit(new NewJob("j-2", "nightly", JobKind.SINGLE, List.of(task("t-2")),
        T0.minusSeconds(5)), T0);
    assertThat(past.notBefore()).isEqualTo(T0.minusSeconds(5));
    assertThat(db.tasks().find("t-2").orElseThrow().submittedAt()).isEqualTo(T0);
    assertThat(submit("j-3", "t-3").notBefore()).isNull();
  }

  @Test
  void a_task_id_of_another_job_is_a_conflict_and_nothing_of_the_job_is_kept() {
    submit("j-1", "t-1");
    assertThatThrownBy(() -> submit("j-2", "t-2", "t-1")).isInstanceOf(ConflictException.class)
        .hasMessageContaining("task id t-1 is already used");
    assertThat(db.jobs().find("j-2")).isEmpty();
    assertThat(db.tasks().find("t-2")).isEmpty();
  }

  @Test
  void a_task_runs_through_place_start_succeed_with_times_node_and_exit() {
    submit("j-1", "t-1");
    TaskRecord placed = task("t-1", TaskEvent.PLACE);
    assertThat(placed.status()).isEqualTo(TaskState.PLACED);
    assertThat(placed.nodeId()).isEqualTo("n-1");
    assertThat(placed.placedAt()).isNotNull();
    assertThat(db.tasks().onNode("n-1")).extracting(TaskRecord::id).containsExactly("t-1");
    task("t-1", TaskEvent.START);
    TaskRecord done = db.tasks().apply(TaskChange.finish("t-1", 3, 0, "ok"), T0.plusSeconds(60));
    assertThat(done.status()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(done.exitCode()).isZero();
    assertThat(done.finishedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(done.version()).isEqualTo(4);
    assertThat(db.tasks().onNode("n-1")).isEmpty();
  }

  @Test
  void a_batch_of_changes_is_written_as_one_by_one_changes_would_be() {
    submit("j-1", "t-1", "t-2");
    Map<String, TaskRecord> placed = db.tasks().applyAll(List.of(TaskChange.place("t-1", 1, "n-1"),
        TaskChange.place("t-2", 1, "n-2")), T0);
    assertThat(placed.get("t-2").nodeId()).isEqualTo("n-2");
    Map<String, TaskRecord> after = db.tasks().applyAll(List.of(
        TaskChange.of("t-1", 2, TaskEvent.START, null),
        TaskChange.finish("t-1", 3, 0, "ok"),
        TaskChange.of("t-2", 2, TaskEvent.START, null),
        TaskChange.finish("t-2", 3, 2, "exit 2")), T0.plusSeconds(5));
    for (String id : List.of("t-1", "t-2")) {
      assertThat(db.tasks().find(id)).contains(after.get(id));
    }
    TaskRecord one = db.tasks().find("t-1").orElseThrow();
    assertThat(one.status()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(one.version()).isEqualTo(4);
    assertThat(one.placedAt()).isEqualTo(T0);
    assertThat(one.startedAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(one.finishedAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(one.spec()).isEqualTo(json("cpu", 1));
    TaskRecord two = db.tasks().find("t-2").orElseThrow();
    assertThat(two.status()).isEqualTo(TaskState.FAILED);
    assertThat(two.exitCode()).isEqualTo(2);
    assertThat(two.message()).isEqualTo("exit 2");
    assertThat(db.tasks().findAll(List.of("t-1", "nope", "t-2")).keySet()).containsExactlyInAnyOrder("t-1", "t-2");
  }

  @Test
  void a_batch_with_one_stale_change_writes_nothing() {
    submit("j-1", "t-1", "t-2");
    assertThatThrownBy(() -> db.tasks().applyAll(List.of(TaskChange.place("t-1", 1, "n-1"),
        TaskChange.place("t-2", 9, "n-1")), T0)).isInstanceOf(StaleVersionException.class);
    Map<String, TaskRecord> read = db.tasks().findAll(List.of("t-1"));
    task("t-1", TaskEvent.PLACE); // another writer, after our read
    assertThatThrownBy(() -> db.tasks().applyAll(List.of(TaskChange.place("t-1", 1, "n-2")), read, T0))
        .isInstanceOf(StaleVersionException.class);
    assertThat(db.tasks().find("t-1").orElseThrow().nodeId()).isEqualTo("n-1");
    assertThat(db.tasks().find("t-2").orElseThrow().status()).isEqualTo(TaskState.PENDING);
  }

  @Test
  void a_lost_task_queued_again_counts_an_attempt_and_forgets_its_node() {
    submit("j-1", "t-1");
    task("t-1", TaskEvent.PLACE);
    task("t-1", TaskEvent.START);
    assertThat(task("t-1", TaskEvent.LOSE).status()).isEqualTo(TaskState.LOST);
    TaskRecord again = task("t-1", TaskEvent.REQUEUE);
    assertThat(again.status()).isEqualTo(TaskState.PENDING);
    assertThat(again.attempt()).isEqualTo(1);
    assertThat(again.nodeId()).isNull();
    assertThat(again.startedAt()).isNull();
    assertThat(again.message()).isEqualTo("lose");
    assertThat(db.tasks().nodeOfEarlierAttempt("t-1", 0)).as("kept when it was queued again").contains("n-1");
    assertThat(db.tasks().nodeOfEarlierAttempt("t-1", 1)).as("the current attempt: the task's own").isEmpty();
  }

  @Test
  void a_batch_that_queues_tasks_again_keeps_the_node_of_each_placed_attempt() {
    submit("j-1", "t-1", "t-2");
    db.tasks().applyAll(List.of(TaskChange.place("t-1", 1, "n-1")), T0);
    db.tasks().applyAll(List.of(
        TaskChange.of("t-1", 2, TaskEvent.LOSE, "node n-1 down"), TaskChange.of("t-1", 3, TaskEvent.REQUEUE, "again"),
        TaskChange.of("t-2", 1, TaskEvent.CANCEL, "never placed")), T0.plusSeconds(1));
    db.tasks().applyAll(List.of(TaskChange.place("t-1", 4, "n-2")), T0.plusSeconds(2));
    db.tasks().applyAll(List.of(TaskChange.of("t-1", 5, TaskEvent.PREEMPT, "for another"),
        TaskChange.of("t-1", 6, TaskEvent.REQUEUE, "again")), T0.plusSeconds(3));
    assertThat(db.tasks().find("t-1").orElseThrow().attempt()).isEqualTo(2);
    assertThat(db.tasks().nodeOfEarlierAttempt("t-1", 0)).contains("n-1");
    assertThat(db.tasks().nodeOfEarlierAttempt("t-1", 1)).contains("n-2");
    assertThat(db.tasks().nodeOfEarlierAttempt("t-2", 0)).as("never placed, never queued again").isEmpty();
    assertThat(db.tasks().nodeOfEarlierAttempt("nope", 0)).isEmpty();
  }

  @Test
  void every_row_of_the_lifecycle_table_is_applied_through_the_store() {
    Map<TaskState, List<TaskEvent>> pathTo = Map.of(
        TaskState.PENDING, List.of(),
        TaskState.PLACED, List.of(TaskEvent.PLACE),
        TaskState.RUNNING, List.of(TaskEvent.PLACE, TaskEvent.START),
        TaskState.PREEMPTED, List.of(TaskEvent.PLACE, TaskEvent.PREEMPT),
        TaskState.LOST, List.of(TaskEvent.PLACE, TaskEvent.LOSE),
        TaskState.SUSPENDED, List.of(TaskEvent.PLACE, TaskEvent.START, TaskEvent.SUSPEND));
    int n = 0;
    for (TaskLifecycle.Transition row : TaskLifecycle.table()) {
      String id = "t-" + n++;
      submit("j-" + id, id);
      pathTo.get(row.from()).forEach(e -> task(id, e));
      assertThat(db.tasks().find(id).orElseThrow().status()).isEqualTo(row.from());
      TaskRecord after = task(id, row.event());
      assertThat(after.status()).as(row.toString()).isEqualTo(row.to());
      if (row.to() == TaskState.PENDING) {
        assertThat(after.nodeId()).as(row + ": a requeued task forgets its node").isNull();
      }
      assertThat(db.tasks().onNode("n-1").stream().anyMatch(t -> t.id().equals(id)))
          .as(row + ": on its node while it holds resources").isEqualTo(row.to().holdsResources());
      assertThat(after.finishedAt() != null).as(row + ": finish time").isEqualTo(row.to() != TaskState.PENDING
          && !row.to().holdsResources());
    }
    assertThat(n).isEqualTo(TaskLifecycle.table().size());
  }

  @Test
  void a_stale_version_or_an_event_the_table_forbids_is_refused_and_changes_nothing() {
    submit("j-1", "t-1");
    assertThatThrownBy(() -> db.tasks().apply(TaskChange.place("t-1", 7, "n-1"), T0))
        .isInstanceOf(StaleVersionException.class).hasMessageContaining("task t-1 is at version 1, not 7");
    assertThatThrownBy(() -> db.tasks().apply(TaskChange.of("t-1", 1, TaskEvent.START, null), T0))
        .isInstanceOf(IllegalTaskTransitionException.class).hasMessageContaining("task t-1 is PENDING");
    assertThatThrownBy(() -> db.tasks().apply(TaskChange.of("nope", 1, TaskEvent.CANCEL, null), T0))
        .isInstanceOf(NotFoundException.class);
    assertThat(db.tasks().find("t-1").orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void status_reads_come_oldest_first() {
    db.jobs().submit(new NewJob("j-2", "b", JobKind.SINGLE, List.of(task("t-2"))), T0.plusSeconds(5));
    submit("j-1", "t-1");
    task("t-2", TaskEvent.PLACE);
    assertThat(db.tasks().withStatus(Set.of(TaskState.PENDING), 10)).extracting(TaskRecord::id).containsExactly("t-1");
    assertThat(db.tasks().withStatus(Set.of(TaskState.PENDING, TaskState.PLACED), 10)).extracting(TaskRecord::id)
        .containsExactly("t-1", "t-2");
    assertThat(db.tasks().withStatus(Set.of(TaskState.PENDING, TaskState.PLACED), 1)).hasSize(1);
  }

  @Test
  void the_agent_poll_hands_out_each_placement_once_and_again_after_a_new_placement() {
    submit("j-1", "t-1", "t-2", "t-3");
    task("t-1", TaskEvent.PLACE);
    task("t-2", TaskEvent.PLACE);
    assertThat(db.tasks().poll("n-1", T0, 10)).extracting(TaskRecord::id).containsExactly("t-1", "t-2");
    assertThat(db.tasks().poll("n-1", T0, 10)).isEmpty();
    assertThat(db.tasks().poll("n-2", T0, 10)).isEmpty();
    task("t-1", TaskEvent.PREEMPT);
    task("t-1", TaskEvent.REQUEUE);
    task("t-1", TaskEvent.PLACE);
    assertThat(db.tasks().poll("n-1", T0, 10)).extracting(TaskRecord::id).containsExactly("t-1");
  }

  @Test
  void a_poll_without_specs_hands_out_the_same_records_without_their_specs() {
    submit("j-1", "t-1", "t-2");
    task("t-1", TaskEvent.PLACE);
    task("t-2", TaskEvent.PLACE);
    List<TaskRecord> taken = db.tasks().poll("n-1", T0, 10, false);
    assertThat(taken).extracting(TaskRecord::id).containsExactly("t-1", "t-2");
    assertThat(taken).allSatisfy(t -> {
      assertThat(t.spec()).isNull();
      assertThat(t.sentAt()).isEqualTo(T0);
      TaskRecord stored = db.tasks().find(t.id()).orElseThrow();
      assertThat(new TaskRecord(t.id(), t.jobId(), t.name(), stored.spec(), t.queue(), t.priority(), t.status(),
          t.attempt(), t.nodeId(), t.version(), t.submittedAt(), t.placedAt(), t.sentAt(), t.startedAt(),
          t.finishedAt(), t.exitCode(), t.message())).isEqualTo(stored);
    });
    assertThat(db.tasks().poll("n-1", T0, 10, false)).isEmpty();
  }

  @Test
  void a_spec_given_as_text_is_stored_as_that_text() {
    db.jobs().submit(new NewJob("j-1", "etl", JobKind.ARRAY, List.of(
        new NewTask("t-1", "etl", json("cpu", 1), "root.default", 50, "{\"cpu\": 1}"))), T0);
    assertThat(db.tasks().find("t-1").orElseThrow().spec()).isEqualTo(json("cpu", 1));
  }

  @Test
  void two_servers_polling_for_one_node_at_once_never_get_the_same_task() throws Exception {
    int total = 40;
    List<NewTask> tasks = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      tasks.add(task("t-" + i));
    }
    db.jobs().submit(new NewJob("j-1", "wide", JobKind.ARRAY, tasks), T0);
    for (int i = 0; i < total; i++) {
      db.tasks().apply(TaskChange.place("t-" + i, 1, "n-1"), T0);
    }
    List<String> all = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> pollers = new ArrayList<>();
    for (int s = 0; s < 2; s++) {
      pollers.add(pool.submit(() -> {
        start.await();
        List<TaskRecord> batch;
        do {
          batch = db.tasks().poll("n-1", T0, 3);
          batch.forEach(t -> all.add(t.id()));
        } while (!batch.isEmpty());
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : pollers) {
      f.get();
    }
    pool.shutdown();
    assertThat(all).hasSize(total).doesNotHaveDuplicates();
  }

  /** What a read of changes tells that {@code seen} (task id to version) did not know; records what it tells. */
  private static Map<String, ChangedTask> news(ChangedTasks read, Map<String, Long> seen) {
    Map<String, ChangedTask> out = new java.util.LinkedHashMap<>();
    for (ChangedTask t : read.tasks()) {
      if (seen.getOrDefault(t.id(), 0L) < t.version()) {
        out.put(t.id(), t);
        seen.put(t.id(), t.version());
      }
    }
    return out;
  }

  @Test
  void changes_come_from_inserts_and_version_bumps_but_not_from_hand_outs() {
    Map<String, Long> seen = new java.util.HashMap<>();
    ChangedTasks none = db.tasks().changedSince(db.tasks().changeCursor(), 100);
    assertThat(none.tasks()).isEmpty();
    submit("j-1", "t-1", "t-2");
    ChangedTasks inserted = db.tasks().changedSince(none.next(), 100);
    assertThat(news(inserted, seen).keySet()).containsExactlyInAnyOrder("t-1", "t-2");
    task("t-2", TaskEvent.PLACE);
    db.tasks().poll("n-1", T0, 10);
    ChangedTasks placed = db.tasks().changedSince(inserted.next(), 100);
    assertThat(news(placed, seen).values()).singleElement().satisfies(c -> {
      assertThat(c.id()).isEqualTo("t-2");
      assertThat(c.status()).isEqualTo(TaskState.PLACED);
      assertThat(c.nodeId()).isEqualTo("n-1");
      assertThat(c.version()).isEqualTo(2);
      assertThat(c.placedAt()).isEqualTo(T0.plusSeconds(1));
    });
    assertThat(news(db.tasks().changedSince(placed.next(), 100), seen)).isEmpty(); // the hand-out is no change
    db.tasks().applyAll(List.of(TaskChange.place("t-1", 1, "n-2"), TaskChange.of("t-2", 2, TaskEvent.START, null)),
        T0.plusSeconds(3));
    ChangedTasks both = db.tasks().changedSince(placed.next(), 100);
    Map<String, ChangedTask> bothNews = news(both, seen);
    assertThat(bothNews.keySet()).containsExactlyInAnyOrder("t-1", "t-2");
    assertThat(bothNews.get("t-2").startedAt()).isEqualTo(T0.plusSeconds(3));
    assertThat(both.tasks()).extracting(ChangedTask::changeSeq).isSorted();
    assertThat(db.tasks().changedSince(placed.next(), 1).tasks()).hasSize(1);
  }

  @Test
  void a_write_committed_after_a_later_one_is_in_the_next_read_of_changes() throws Exception {
    submit("j-1", "early", "late");
    ChangeCursor start = db.tasks().changeCursor();
    CountDownLatch written = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    Future<?> slow = pool.submit(() -> db.transactor().inTransaction(() -> {
      db.tasks().applyAll(List.of(TaskChange.place("early", 1, "n-1")), T0);
      written.countDown();
      try {
        commit.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return null;
    }));
    written.await();
    db.tasks().applyAll(List.of(TaskChange.place("late", 1, "n-1")), T0); // a higher number, committed first
    Map<String, Long> seen = new java.util.HashMap<>(Map.of("early", 1L, "late", 1L));
    ChangedTasks first = db.tasks().changedSince(start, 100);
    assertThat(news(first, seen).keySet()).containsExactly("late");
    long lateSeq = first.tasks().stream().filter(t -> t.id().equals("late")).findFirst().orElseThrow().changeSeq();
    commit.countDown();
    slow.get();
    pool.shutdown();
    Map<String, ChangedTask> then = news(db.tasks().changedSince(first.next(), 100), seen);
    assertThat(then.keySet()).containsExactly("early");
    assertThat(then.get("early").changeSeq()).isLessThan(lateSeq); // numbered before, visible after
  }

  @Test
  void a_chain_of_changes_to_one_task_in_a_batch_is_one_guarded_write() {
    submit("j-1", "t-1");
    TaskRecord read = db.tasks().find("t-1").orElseThrow();
    task("t-1", TaskEvent.PLACE); // another writer after our read: the first change of the chain is stale
    assertThatThrownBy(() -> db.tasks().applyAll(List.of(TaskChange.place("t-1", 1, "n-2"),
        TaskChange.of("t-1", 2, TaskEvent.START, null)), Map.of("t-1", read), T0))
        .isInstanceOf(StaleVersionException.class);
    assertThat(db.tasks().find("t-1").orElseThrow().startedAt()).isNull();
  }

  @Test
  void placing_without_reading_writes_what_one_by_one_placements_would() {
    submit("j-1", "t-1", "t-2", "t-3");
    ChangeCursor start = db.tasks().changeCursor();
    TaskRecord one = task("t-1", TaskEvent.PLACE); // placed one by one, for comparison
    db.tasks().placeAll(List.of(TaskChange.place("t-2", 1, "n-1"), TaskChange.place("t-3", 1, "n-2")),
        T0.plusSeconds(1));
    TaskRecord two = db.tasks().find("t-2").orElseThrow();
    assertThat(two).usingRecursiveComparison().ignoringFields("id").isEqualTo(one);
    assertThat(db.tasks().find("t-3").orElseThrow().nodeId()).isEqualTo("n-2");
    Map<String, Long> seen = new java.util.HashMap<>(Map.of("t-1", 2L, "t-2", 1L, "t-3", 1L));
    assertThat(news(db.tasks().changedSince(start, 10), seen).keySet()).containsExactlyInAnyOrder("t-2", "t-3");
  }

  @Test
  void placements_handed_out_at_once_are_marked_taken_and_a_poll_leaves_them() {
    submit("j-1", "t-1", "t-2");
    db.tasks().placeAll(List.of(TaskChange.place("t-1", 1, "n-1"), TaskChange.place("t-2", 1, "n-1")),
        Set.of("t-1"), T0.plusSeconds(1));
    TaskRecord handed = db.tasks().find("t-1").orElseThrow();
    assertThat(handed.status()).isEqualTo(TaskState.PLACED);
    assertThat(handed.sentAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(handed.placedAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(db.tasks().find("t-2").orElseThrow().sentAt()).isNull();
    assertThat(db.tasks().poll("n-1", T0.plusSeconds(2), 10)).extracting(TaskRecord::id).containsExactly("t-2");
    assertThatThrownBy(() -> db.tasks().placeAll(List.of(TaskChange.place("t-1", 2, "n-1")), Set.of("t-9"), T0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("t-9");
  }

  @Test
  void placing_a_task_no_longer_pending_at_the_version_read_places_none() {
    submit("j-1", "t-1", "t-2");
    task("t-2", TaskEvent.CANCEL);
    assertThatThrownBy(() -> db.tasks().placeAll(List.of(TaskChange.place("t-1", 1, "n-1"),
        TaskChange.place("t-2", 2, "n-1")), T0)).isInstanceOf(StaleVersionException.class).hasMessageContaining("t-2");
    assertThatThrownBy(() -> db.tasks().placeAll(List.of(TaskChange.place("t-1", 7, "n-1")), T0))
        .isInstanceOf(StaleVersionException.class);
    assertThat(db.tasks().find("t-1").orElseThrow().status()).isEqualTo(TaskState.PENDING);
    assertThatThrownBy(() -> db.tasks().placeAll(List.of(TaskChange.of("t-1", 1, TaskEvent.START, null)), T0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void changes_applied_to_records_read_without_specs_write_the_same_rows_and_keep_the_spec() {
    submit("j-1", "t-1", "t-2");
    db.tasks().placeAll(List.of(TaskChange.place("t-1", 1, "n-1"), TaskChange.place("t-2", 1, "n-1")), T0);
    Map<String, TaskRecord> slim = db.tasks().findAllWithoutSpecs(List.of("t-1", "t-2", "nope"));
    assertThat(slim.keySet()).containsExactly("t-1", "t-2");
    assertThat(slim.get("t-1").spec()).isNull();
    assertThat(slim.get("t-1")).usingRecursiveComparison().ignoringFields("spec")
        .isEqualTo(db.tasks().find("t-1").orElseThrow());
    db.tasks().applyAll(List.of(TaskChange.of("t-1", 2, TaskEvent.START, null), TaskChange.finish("t-1", 3, 0, "ok")),
        slim, T0.plusSeconds(2));
    TaskRecord done = db.tasks().find("t-1").orElseThrow();
    assertThat(done.status()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(done.version()).isEqualTo(4);
    assertThat(done.startedAt()).isEqualTo(T0.plusSeconds(2));
    assertThat(done.spec()).isEqualTo(json("cpu", 1));
  }
}
