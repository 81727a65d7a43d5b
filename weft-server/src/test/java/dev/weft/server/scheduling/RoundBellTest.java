package dev.weft.server.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.weft.model.Resources;
import dev.weft.model.TaskRun;
import dev.weft.model.TaskSpec;
import dev.weft.model.TopologyPath;
import dev.weft.model.lifecycle.TaskState;
import dev.weft.server.outage.FailureStreak;
import dev.weft.server.runtime.TestDb;
import dev.weft.store.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rounds driven by work: with rounds an hour apart, a submission and a task's end still get placed
 * (the round bell starts a round at once). Nothing timed: each wait is for a condition, bounded
 * generously only so a regression fails instead of hanging.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RoundBellTest {
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration GENEROUS = Duration.ofSeconds(60);

  @TempDir
  Path dir;

  @Test
  void a_ring_before_the_wait_is_not_lost_and_is_used_once() throws Exception {
    RoundBell bell = new RoundBell();
    bell.ring();
    bell.ring(); // rings while a round runs collapse into one
    assertTimeoutPreemptively(GENEROUS, () -> bell.await(HOUR));
    long before = System.nanoTime();
    bell.await(Duration.ofMillis(50)); // the ring was used: this one waits its time out
    assertThat(System.nanoTime() - before).isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
  }

  @Test
  void a_ring_wakes_a_waiting_scheduler() throws Exception {
    RoundBell bell = new RoundBell();
    Thread waiter = Thread.ofPlatform().start(() -> {
      try {
        bell.await(HOUR);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    bell.ring();
    waiter.join(GENEROUS.toMillis());
    assertThat(waiter.isAlive()).as("woken by the ring, not after an hour").isFalse();
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void submissions_and_ended_tasks_are_placed_without_waiting_for_the_next_timed_round(TestDb kind) throws Exception {
    TestDb.Place place = kind.place(dir);
    try (Database db = place.open()) {
      RoundBell rounds = new RoundBell();
      SchedulingSettings hourly = new SchedulingSettings("s1", HOUR, SchedulerLease.DEFAULT_TTL, HOUR, 3,
          Duration.ofMinutes(20));
      NodeLiveness liveness = new NodeLiveness(db, HOUR, 3);
      AgentDesk desk = new AgentDesk(db, liveness, new WorkBell(), rounds, InstantSource.system(), TaskSecrets.NONE);
      JobSubmission jobs = new JobSubmission(db, rounds);
      try (SchedulerThread ignored = SchedulerThread.start(db, hourly, liveness, new WorkBell(), rounds,
          FailureStreak.logging("test round", System.getLogger("RoundBellTest")))) {
        desk.join("n1", TopologyPath.DEFAULT, Resources.of(1000, 1024), Map.of(), "none");
        jobs.submit("a", "a", List.of(task("a", 1000)), Instant.now());
        awaitStatus(db, "a", TaskState.PLACED);

        jobs.submit("b", "b", List.of(task("b", 1000)), Instant.now()); // the node is full: b waits
        desk.heartbeat("n1", java.util.Set.of());
        AgentDesk.Work work = desk.poll("n1", 10, Duration.ZERO);
        assertThat(work.starts()).extracting(s -> s.runId().toString()).containsExactly("a~0");
        assertThat(db.tasks().find("b").orElseThrow().status()).isEqualTo(TaskState.PENDING);
        desk.report("n1", List.of(new AgentDesk.Change(new RunId("a", 0), "RUNNING", null, null),
            new AgentDesk.Change(new RunId("a", 0), "SUCCEEDED", 0, null)));
        awaitStatus(db, "b", TaskState.PLACED); // a's end freed the node and rang the bell
      }
    } finally {
      place.dispose().run();
    }
  }

  private static TaskSpec task(String job, int cpu) {
    return TaskSpec.builder(job).job(job).resources(Resources.of(cpu, 0)).run(TaskRun.shell("true")).build();
  }

  private static void awaitStatus(Database db, String id, TaskState want) throws InterruptedException {
    long deadline = System.nanoTime() + GENEROUS.toNanos();
    TaskState seen = null;
    while (System.nanoTime() < deadline) {
      seen = db.tasks().find(id).orElseThrow().status();
      if (seen == want) {
        return;
      }
      Thread.sleep(20);
    }
    assertThat(seen).as("task " + id + " after " + GENEROUS.toSeconds() + " s").isEqualTo(want);
  }
}
