package dev.weft.server.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Resources;
import dev.weft.model.TaskRun;
import dev.weft.model.TaskSpec;
import dev.weft.model.TopologyPath;
import dev.weft.model.lifecycle.TaskEvent;
import dev.weft.model.lifecycle.TaskState;
import dev.weft.server.runtime.TestDb;
import dev.weft.store.Database;
import dev.weft.store.TaskChange;
import dev.weft.store.TaskRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The agent desk on an injected clock: a handed-out task that never reached its agent is queued again. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AgentDeskTest {
  @TempDir
  Path dir;

  Instant now = Instant.parse("2026-11-24T00:00:00Z");

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_task_handed_out_but_never_started_or_listed_by_its_agent_is_queued_again(TestDb kind) throws Exception {
    TestDb.Place place = kind.place(dir);
    try (Database db = place.open()) {
      InstantSource clock = () -> now;
      AgentDesk desk = new AgentDesk(db, new NodeLiveness(db, Duration.ofHours(1), 3), new WorkBell(), clock);
      desk.join("n1", TopologyPath.DEFAULT, Resources.of(4000, 4096), Map.of(), "none");
      TaskSpec t = TaskSpec.builder("t").resources(Resources.of(100, 0)).run(TaskRun.shell("true")).build();
      new JobSubmission(db).submit("j", "j", List.of(t.toBuilder().job("j").build(),
          TaskSpec.builder("u").job("j").resources(Resources.of(100, 0)).run(TaskRun.shell("true")).build()), now);
      for (String id : List.of("t", "u")) {
        TaskRecord r = db.tasks().find(id).orElseThrow();
        db.tasks().apply(TaskChange.place(id, r.version(), "n1"), now);
      }
      assertThat(desk.poll("n1", 10, Duration.ZERO).starts()).extracting(s -> s.runId().toString())
          .containsExactlyInAnyOrder("t~0", "u~0");

      now = now.plus(AgentDesk.UNDELIVERED).minusSeconds(1);
      assertThat(desk.heartbeat("n1", Set.of())).isTrue();
      assertThat(db.tasks().find("t").orElseThrow().status()).as("not yet overdue").isEqualTo(TaskState.PLACED);

      now = now.plusSeconds(2);
      assertThat(desk.heartbeat("n1", Set.of("u~0"))).isTrue(); // u runs there (its start report is on its way)
      TaskRecord t2 = db.tasks().find("t").orElseThrow();
      assertThat(t2.status()).isEqualTo(TaskState.PENDING);
      assertThat(t2.attempt()).isEqualTo(1);
      assertThat(db.tasks().find("u").orElseThrow().status()).isEqualTo(TaskState.PLACED);
      assertThat(desk.report("n1", List.of(new AgentDesk.Change(new RunId("t", 0), "RUNNING", null, "started"))))
          .extracting(AgentDesk.Ignored::reason).singleElement().asString().startsWith("stale: task t is now attempt 1");

      // the agent still lists the old attempt (say it started after all): the next poll tells it to stop it
      desk.heartbeat("n1", Set.of("t~0", "u~0"));
      AgentDesk.Work work = desk.poll("n1", 0, Duration.ZERO);
      assertThat(work.starts()).isEmpty();
      assertThat(work.kills()).containsExactly(new AgentDesk.Kill("t~0", "task t is now attempt 1 in state PENDING"));
      assertThat(desk.poll("n1", 0, Duration.ZERO).isEmpty()).as("handed out once").isTrue();
    } finally {
      place.dispose().run();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_run_the_store_suspended_or_resumed_is_told_so_at_the_next_poll_after_a_heartbeat(TestDb kind) throws Exception {
    TestDb.Place place = kind.place(dir);
    try (Database db = place.open()) {
      InstantSource clock = () -> now;
      AgentDesk desk = new AgentDesk(db, new NodeLiveness(db, Duration.ofHours(1), 3), new WorkBell(), clock);
      desk.join("n1", TopologyPath.DEFAULT, Resources.of(4000, 4096), Map.of(), "none");
      new JobSubmission(db).submit("j", "j", List.of(TaskSpec.builder("t").job("j").resources(Resources.of(100, 0))
          .run(TaskRun.shell("sleep 60")).build()), now);
      TaskRecord r = db.tasks().find("t").orElseThrow();
      r = db.tasks().apply(TaskChange.place("t", r.version(), "n1"), now);
      r = db.tasks().apply(TaskChange.of("t", r.version(), TaskEvent.START, "started"), now);
      r = db.tasks().apply(TaskChange.of("t", r.version(), TaskEvent.SUSPEND, "suspended for u"), now);

      desk.heartbeat("n1", Set.of("t~0"), Set.of()); // the agent still runs it
      AgentDesk.Work work = desk.poll("n1", 0, Duration.ZERO);
      assertThat(work.suspends()).containsExactly("t~0");
      assertThat(work.kills()).as("a suspended task is still this node's").isEmpty();
      desk.heartbeat("n1", Set.of("t~0"), Set.of("t~0")); // the agent suspended it
      assertThat(desk.poll("n1", 0, Duration.ZERO).isEmpty()).isTrue();

      db.tasks().apply(TaskChange.of("t", r.version(), TaskEvent.RESUME, "resumed"), now);
      desk.heartbeat("n1", Set.of("t~0"), Set.of("t~0")); // still stopped on the agent
      assertThat(desk.poll("n1", 0, Duration.ZERO).resumes()).containsExactly("t~0");
      desk.heartbeat("n1", Set.of("t~0"), Set.of());
      assertThat(desk.poll("n1", 0, Duration.ZERO).isEmpty()).isTrue();
    } finally {
      place.dispose().run();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void one_report_starts_and_ends_many_tasks_and_ignores_only_what_it_must(TestDb kind) throws Exception {
    TestDb.Place place = kind.place(dir);
    try (Database db = place.open()) {
      AgentDesk desk = new AgentDesk(db, new NodeLiveness(db, Duration.ofHours(1), 3), new WorkBell(), () -> now);
      desk.join("n1", TopologyPath.DEFAULT, Resources.of(4000, 4096), Map.of(), "none");
      TaskSpec noop = TaskSpec.builder("x").run(TaskRun.builtin("noop")).build();
      new JobSubmission(db).submit("j", "noops", JobSubmission.array("j", noop, 3), now);
      for (int i = 0; i < 3; i++) {
        db.tasks().apply(TaskChange.place("j/" + i, 1, "n1"), now);
      }
      List<AgentDesk.Start> starts = desk.poll("n1", 10, Duration.ZERO).starts();
      assertThat(starts).extracting(s -> s.run().builtin()).containsOnly("noop");
      assertThat(starts).allSatisfy(s -> assertThat(s.run().argv()).isEmpty());

      now = now.plusMillis(40);
      List<AgentDesk.Change> report = List.of(
          new AgentDesk.Change(new RunId("j/0", 0), "RUNNING", null, "started"),
          new AgentDesk.Change(new RunId("j/1", 0), "RUNNING", null, "started"),
          new AgentDesk.Change(new RunId("j/0", 0), "SUCCEEDED", 0, "builtin noop"),
          new AgentDesk.Change(new RunId("j/1", 0), "FAILED", 3, "exit 3", "out\n", "err\n"),
          new AgentDesk.Change(new RunId("j/2", 0), "SUCCEEDED", 0, "never started"),
          new AgentDesk.Change(new RunId("j/2", 5), "RUNNING", null, "an old attempt"),
          new AgentDesk.Change(new RunId("nope", 0), "RUNNING", null, "unknown"));
      assertThat(desk.report("n1", report)).extracting(AgentDesk.Ignored::runId, AgentDesk.Ignored::reason)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(new RunId("j/2", 0).toString(), "already PLACED"),
              org.assertj.core.groups.Tuple.tuple(new RunId("j/2", 5).toString(), "stale: task j/2 is now attempt 0 in state PLACED on node n1"),
              org.assertj.core.groups.Tuple.tuple("nope~0", "no task nope"));
      TaskRecord done = db.tasks().find("j/0").orElseThrow();
      assertThat(done.status()).isEqualTo(TaskState.SUCCEEDED);
      assertThat(done.startedAt()).isEqualTo(now);
      assertThat(done.finishedAt()).isEqualTo(now);
      assertThat(db.tasks().find("j/1").orElseThrow().status()).isEqualTo(TaskState.FAILED);
      assertThat(db.tasks().find("j/1").orElseThrow().message()).isEqualTo("FAILED: exit 3");
      assertThat(db.runtimes().recent("noops", 10)).containsExactly(0L);
      assertThat(db.taskOutputs().find("j/1", 0))
          .as("a plain job's tails are not kept (only a workflow task's, its result: see WorkflowTasksTest)").isEmpty();
      assertThat(db.taskOutputs().find("j/0", 0)).as("no tails sent, none kept").isEmpty();
      assertThat(desk.report("n1", report.subList(0, 4))).as("the same report again changes nothing")
          .extracting(AgentDesk.Ignored::reason).containsExactly("already SUCCEEDED", "already FAILED",
              "already SUCCEEDED", "already FAILED");
    } finally {
      place.dispose().run();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_poll_or_a_report_counts_as_a_sign_of_life_and_an_unknown_node_is_not_seen(TestDb kind) throws Exception {
    TestDb.Place place = kind.place(dir);
    try (Database db = place.open()) {
      AgentDesk desk = new AgentDesk(db, new NodeLiveness(db, Duration.ofHours(1), 3), new WorkBell(), () -> now);
      desk.join("n1", TopologyPath.DEFAULT, Resources.of(4000, 4096), Map.of(), "none");

      now = now.plusSeconds(7);
      assertThat(desk.seen("n1")).isTrue();
      assertThat(db.nodes().find("n1").orElseThrow().lastHeartbeat()).isEqualTo(now);
      assertThat(desk.seen("nobody")).isFalse();
      assertThat(db.nodes().find("nobody")).isEmpty();
    } finally {
      place.dispose().run();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_poll_that_lists_its_runs_is_answered_with_the_kill_of_one_cancelled_while_it_waits(TestDb kind)
      throws Exception {
    TestDb.Place place = kind.place(dir);
    try (Database db = place.open()) {
      WorkBell bell = new WorkBell();
      AgentDesk desk = new AgentDesk(db, new NodeLiveness(db, Duration.ofHours(1), 3), bell, InstantSource.system());
      desk.join("n1", TopologyPath.DEFAULT, Resources.of(4000, 4096), Map.of(), "none");
      new JobSubmission(db).submit("j", "j", List.of(TaskSpec.builder("t").job("j").resources(Resources.of(100, 0))
          .run(TaskRun.shell("sleep 60")).build()), Instant.now());
      db.tasks().apply(TaskChange.place("t", db.tasks().find("t").orElseThrow().version(), "n1"), Instant.now());
      assertThat(desk.poll("n1", 10, Duration.ZERO).starts()).hasSize(1);
      desk.report("n1", List.of(new AgentDesk.Change(new RunId("t", 0), "RUNNING", null, "started")));

      java.util.concurrent.CompletableFuture<AgentDesk.Work> waiting = java.util.concurrent.CompletableFuture.supplyAsync(
          () -> {
            try {
              return desk.poll("n1", 10, Duration.ofSeconds(30), Set.of("t~0"), Set.of());
            } catch (InterruptedException e) {
              throw new IllegalStateException(e);
            }
          });
      Thread.sleep(300);
      assertThat(waiting).as("nothing to say yet: the poll waits").isNotDone();
      TaskRecord running = db.tasks().find("t").orElseThrow();
      db.tasks().apply(TaskChange.of("t", running.version(), TaskEvent.CANCEL, "cancelled"), Instant.now());
      bell.ring();
      AgentDesk.Work work = waiting.get(10, java.util.concurrent.TimeUnit.SECONDS); // well before its 30 s wait
      assertThat(work.kills()).containsExactly(new AgentDesk.Kill("t~0", "task t is CANCELLED"));
      assertThat(work.starts()).isEmpty();
      assertThat(desk.poll("n1", 10, Duration.ZERO, Set.of("t~0"), Set.of()).isEmpty())
          .as("still listed while it stops: not told again at once").isTrue();
    } finally {
      place.dispose().run();
    }
  }

  /**
   * A desk with node {@code n1} joined, whose clock runs 5 s ahead of the rounds' {@link #now}: a task
   * its poll took itself is marked taken at its time, one handed out by a round at the round's.
   */
  private AgentDesk deskAhead(Database db, WorkBell bell) {
    AgentDesk desk = new AgentDesk(db, new NodeLiveness(db, Duration.ofHours(1), 3), bell, () -> now.plusSeconds(5));
    desk.join("n1", TopologyPath.DEFAULT, Resources.of(4000, 4096), Map.of(), "none");
    return desk;
  }

  /** One job {@code j} of shell tasks with the given ids, submitted at {@link #now}. */
  private void submitShell(Database db, String... ids) {
    new JobSubmission(db).submit("j", "j", java.util.Arrays.stream(ids).map(id -> TaskSpec.builder(id).job("j")
        .resources(Resources.of(100, 0)).run(TaskRun.shell("true")).build()).toList(), now);
  }

  /** A round at {@code now} of a scheduler that hands placements to {@code bell}'s waiting polls, then its ring. */
  private static void round(Database db, WorkBell bell, Instant at) {
    SchedulerLoop loop = new SchedulerLoop(db, new SchedulerLease(db.leases(), "server-a", SchedulerLease.DEFAULT_TTL),
        new dev.weft.scheduler.CorePlanner(dev.weft.scheduler.api.SchedulerConfig.defaults()),
        new NodeLiveness(db, Duration.ofHours(1), 3), SchedulerLoop.DEFAULT_MAX_ATTEMPTS, RoundBell.NONE.submitted(),
        bell.waitingPolls());
    assertThat(loop.runOnce(at).applied().placed()).isNotEmpty();
    bell.ring(); // as the scheduler thread rings after a round that placed tasks
  }

  private static java.util.concurrent.CompletableFuture<AgentDesk.Work> pollInBackground(AgentDesk desk, int room) {
    return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return desk.poll("n1", room, Duration.ofSeconds(60));
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static void awaitWaiting(WorkBell bell) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!bell.waitingPolls().waits("n1")) {
      assertThat(System.nanoTime()).as("the poll waits").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_poll_waiting_here_is_handed_the_placements_on_its_node_by_the_round_that_makes_them(TestDb kind)
      throws Exception {
    TestDb.Place place = kind.place(dir);
    try (Database db = place.open()) {
      WorkBell bell = new WorkBell();
      AgentDesk desk = deskAhead(db, bell).recheckingEvery(Duration.ofSeconds(60));
      var waiting = pollInBackground(desk, 2);
      awaitWaiting(bell);
      submitShell(db, "a", "b", "c");
      round(db, bell, now);

      AgentDesk.Work work = waiting.get(10, java.util.concurrent.TimeUnit.SECONDS); // well before its 60 s wait
      assertThat(work.starts()).as("as much as its room").hasSize(2);
      for (AgentDesk.Start start : work.starts()) {
        TaskRecord r = db.tasks().find(start.runId().taskId()).orElseThrow();
        assertThat(r.status()).isEqualTo(TaskState.PLACED);
        assertThat(r.sentAt()).as("taken in the round's transaction").isEqualTo(now).isEqualTo(r.placedAt());
        assertThat(start.run().env()).containsEntry("WEFT_JOB_ID", "j").containsEntry("WEFT_ATTEMPT", "0");
      }
      AgentDesk.Work rest = desk.poll("n1", 10, Duration.ZERO);
      assertThat(rest.starts()).as("the third, placed beyond the room, is taken by the next poll").hasSize(1);
      TaskRecord third = db.tasks().find(rest.starts().getFirst().runId().taskId()).orElseThrow();
      assertThat(third.sentAt()).isEqualTo(now.plusSeconds(5));
      assertThat(desk.poll("n1", 10, Duration.ZERO).isEmpty()).as("each handed out once").isTrue();
    } finally {
      place.dispose().run();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void placements_made_while_no_poll_waits_are_left_for_the_next_poll(TestDb kind) throws Exception {
    TestDb.Place place = kind.place(dir);
    try (Database db = place.open()) {
      WorkBell bell = new WorkBell();
      AgentDesk desk = deskAhead(db, bell);
      submitShell(db, "a");
      round(db, bell, now);
      assertThat(db.tasks().find("a").orElseThrow().sentAt()).isNull();
      assertThat(desk.poll("n1", 10, Duration.ZERO).starts()).hasSize(1);
      assertThat(db.tasks().find("a").orElseThrow().sentAt()).isEqualTo(now.plusSeconds(5));
    } finally {
      place.dispose().run();
    }
  }
}
