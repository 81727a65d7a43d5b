package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.lifecycle.TaskEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The {@link JobStore#purgeEndedBefore} contract (job retention), run on every database. */
abstract class JobPurgeContract extends StoreContract {
  private static final Instant CUTOFF = T0.plus(Duration.ofDays(30));
  private static final Instant BEFORE = CUTOFF.minusSeconds(60);

  @Test
  void a_job_that_ended_before_the_cutoff_goes_with_its_tasks_outputs_and_logs_and_its_run_times_stay() {
    submit("old", "old/0", "old/1");
    start("old/0"); // attempt 0 lost on n-1 and queued again: its node is recorded
    TaskRecord lost = db.tasks().apply(TaskChange.of("old/0", db.tasks().find("old/0").orElseThrow().version(),
        TaskEvent.LOSE, "node down"), T0);
    db.tasks().apply(TaskChange.of("old/0", lost.version(), TaskEvent.REQUEUE, "again"), T0);
    assertThat(db.tasks().nodeOfEarlierAttempt("old/0", 0)).isPresent();
    finish("old/0", TaskEvent.SUCCEED, BEFORE.minusSeconds(3600));
    finish("old/1", TaskEvent.FAIL, BEFORE);
    for (String task : List.of("old/0", "old/1")) {
      db.taskOutputs().save(new TaskOutput(task, 0, "out", "err"));
      for (TaskStream stream : TaskStream.values()) {
        db.taskLogs().append(new LogPiece(task, 0, stream, 0, "x\n".getBytes(StandardCharsets.UTF_8), 2, true), 1000, T0);
      }
      db.runtimes().record(task, 0, "nightly", 1_000, BEFORE);
    }

    assertThat(db.jobs().purgeEndedBefore(CUTOFF, 10)).isEqualTo(1);

    assertThat(db.jobs().find("old")).isEmpty();
    assertThat(db.tasks().ofJob("old")).isEmpty();
    for (String task : List.of("old/0", "old/1")) {
      assertThat(db.tasks().find(task)).isEmpty();
      assertThat(db.tasks().nodeOfEarlierAttempt(task, 0)).as("the node of its earlier attempt goes too").isEmpty();
      assertThat(db.taskOutputs().find(task, 0)).isEmpty();
      for (TaskStream stream : TaskStream.values()) {
        assertThat(db.taskLogs().extent(task, 0, stream)).isEqualTo(LogExtent.NONE);
        assertThat(db.taskLogs().read(task, 0, stream, 0, 100)).isEmpty();
      }
    }
    assertThat(db.runtimes().recent("nightly", 10)).as("run-time history is kept").containsExactly(1_000L, 1_000L);
    assertThat(db.jobs().purgeEndedBefore(CUTOFF, 10)).isZero();
  }

  @Test
  void a_job_with_one_task_not_ended_is_kept_whole() {
    submit("busy", "busy/0", "busy/1", "busy/2", "busy/3");
    finish("busy/0", TaskEvent.SUCCEED, BEFORE);
    finish("busy/1", TaskEvent.CANCEL, BEFORE);
    start("busy/2");
    db.taskOutputs().save(new TaskOutput("busy/0", 0, "out", null));

    assertThat(db.jobs().purgeEndedBefore(CUTOFF, 10)).isZero();

    assertThat(db.jobs().find("busy")).isPresent();
    assertThat(db.tasks().ofJob("busy")).hasSize(4);
    assertThat(db.taskOutputs().find("busy/0", 0)).isPresent();
  }

  @Test
  void a_job_whose_last_task_ended_at_or_after_the_cutoff_is_kept() {
    submit("late", "late/0", "late/1");
    finish("late/0", TaskEvent.SUCCEED, BEFORE);
    finish("late/1", TaskEvent.SUCCEED, CUTOFF);

    assertThat(db.jobs().purgeEndedBefore(CUTOFF, 10)).isZero();
    assertThat(db.tasks().ofJob("late")).hasSize(2);
    assertThat(db.jobs().purgeEndedBefore(CUTOFF.plusMillis(1), 10)).isEqualTo(1);
  }

  @Test
  void a_workflow_task_is_kept_until_its_outcome_is_delivered_and_its_link_outlives_it() {
    submit("wf", "wf/0");
    finish("wf/0", TaskEvent.SUCCEED, BEFORE);
    db.commandTasks().link(new CommandTask("cmd-1", "d-1", "i-1", "wf/0", null, T0, null));

    assertThat(db.jobs().purgeEndedBefore(CUTOFF, 10)).isZero();
    assertThat(db.tasks().find("wf/0")).isPresent();

    db.commandTasks().markDelivered("cmd-1", BEFORE);
    assertThat(db.jobs().purgeEndedBefore(CUTOFF, 10)).isEqualTo(1);
    assertThat(db.tasks().find("wf/0")).isEmpty();
    assertThat(db.commandTasks().ofInstance("i-1")).extracting(CommandTask::taskId).containsExactly("wf/0");
  }

  @Test
  void at_most_limit_jobs_go_per_call_oldest_submission_first() {
    for (int i = 0; i < 5; i++) {
      submitAt("j-" + i, T0.plusSeconds(10 - i), "j-" + i + "/0");
      finish("j-" + i + "/0", TaskEvent.SUCCEED, BEFORE);
    }

    assertThat(db.jobs().purgeEndedBefore(CUTOFF, 2)).isEqualTo(2);
    assertThat(db.jobs().find("j-4")).isEmpty();
    assertThat(db.jobs().find("j-3")).isEmpty();
    assertThat(db.jobs().find("j-2")).isPresent();
    assertThat(db.jobs().purgeEndedBefore(CUTOFF, 2)).isEqualTo(2);
    assertThat(db.jobs().purgeEndedBefore(CUTOFF, 2)).isEqualTo(1);
    assertThat(db.jobs().list(10)).isEmpty();
  }

  @Test
  void a_purged_job_id_can_be_submitted_again_as_a_new_job() {
    submit("again", "again/0");
    finish("again/0", TaskEvent.SUCCEED, BEFORE);
    assertThat(db.jobs().purgeEndedBefore(CUTOFF, 10)).isEqualTo(1);

    assertThat(db.jobs().store(new NewJob("again", "nightly", JobKind.SINGLE,
        List.of(TaskStoreContract.task("again/0"))), CUTOFF).created()).isTrue();
    assertThat(db.tasks().find("again/0").orElseThrow().status()).isEqualTo(dev.weft.model.lifecycle.TaskState.PENDING);
  }

  @Test
  void two_servers_purging_at_once_delete_each_job_once() throws Exception {
    int jobs = 40;
    for (int i = 0; i < jobs; i++) {
      submit("r-" + i, "r-" + i + "/0");
      finish("r-" + i + "/0", TaskEvent.SUCCEED, BEFORE);
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Integer>> purges = new ArrayList<>();
      for (int s = 0; s < 2; s++) {
        purges.add(pool.submit(() -> {
          go.await();
          int n = 0;
          int d;
          do {
            d = db.jobs().purgeEndedBefore(CUTOFF, 7);
            n += d;
          } while (d > 0);
          return n;
        }));
      }
      go.countDown();
      assertThat(purges.get(0).get() + purges.get(1).get()).isEqualTo(jobs);
    } finally {
      pool.shutdownNow();
    }
    assertThat(db.jobs().list(100)).isEmpty();
  }

  private void submit(String jobId, String... taskIds) {
    submitAt(jobId, T0, taskIds);
  }

  private void submitAt(String jobId, Instant at, String... taskIds) {
    List<NewTask> tasks = new ArrayList<>();
    for (String t : taskIds) {
      tasks.add(TaskStoreContract.task(t));
    }
    db.jobs().submit(new NewJob(jobId, "nightly", tasks.size() == 1 ? JobKind.SINGLE : JobKind.ARRAY, tasks), at);
  }

  private void start(String id) {
    TaskRecord t = db.tasks().apply(TaskChange.place(id, db.tasks().find(id).orElseThrow().version(), "n-1"), T0);
    db.tasks().apply(TaskChange.of(id, t.version(), TaskEvent.START, null), T0);
  }

  private void finish(String id, TaskEvent how, Instant at) {
    if (how == TaskEvent.CANCEL) {
      db.tasks().apply(TaskChange.of(id, db.tasks().find(id).orElseThrow().version(), TaskEvent.CANCEL, "cancelled"), at);
      return;
    }
    start(id);
    db.tasks().apply(TaskChange.finish(id, db.tasks().find(id).orElseThrow().version(), how == TaskEvent.SUCCEED ? 0 : 1,
        how.name().toLowerCase()), at);
  }
}
