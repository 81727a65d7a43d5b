package dev.weft.server.scheduling;

import static dev.weft.server.scheduling.SchedulingFixture.T0;
import static dev.weft.server.scheduling.SchedulingFixture.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.lifecycle.TaskState;
import dev.weft.scheduler.CorePlanner;
import dev.weft.scheduler.api.Plan;
import dev.weft.scheduler.api.SchedulerConfig;
import dev.weft.server.runtime.TestDb;
import dev.weft.model.lifecycle.IllegalTaskTransitionException;
import dev.weft.store.Database;
import dev.weft.store.LeaseGrant;
import dev.weft.store.TaskRecord;
import dev.weft.store.StaleVersionException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real threads applying plans at once on PostgreSQL, each with its own connection pool: the
 * optimistic checks let exactly one of two plans read from the same snapshot through, and
 * scheduler threads racing round after round never place a task twice or overcommit a node.
 */
class PostgresApplyConcurrencyTest {
  @TempDir Path tempDir;
  SchedulingFixture c;
  ExecutorService pool = Executors.newFixedThreadPool(2);

  @BeforeEach
  void open() {
    c = new SchedulingFixture(TestDb.POSTGRES, tempDir);
  }

  @AfterEach
  void close() {
    pool.shutdownNow();
    c.close();
  }

  @Test
  void of_two_plans_from_one_snapshot_applied_at_once_exactly_one_goes_through() throws Exception {
    c.node("n1", 4, T0);
    c.submit("j1", T0, task("j1/0", 1), task("j1/1", 1), task("j1/2", 1));
    SchedulerLease lease = new SchedulerLease(c.a.leases(), "server-a", SchedulingFixture.LEASE);
    LeaseGrant grant = lease.acquire(T0).orElseThrow();
    CyclicBarrier bothRead = new CyclicBarrier(2);
    List<Future<Applied>> appliers = new ArrayList<>();
    for (var db : List.of(c.a, c.b)) {
      appliers.add(pool.submit(() -> {
        Snapshot s = new SnapshotReader(db).read(T0);
        Plan plan = new CorePlanner(SchedulerConfig.defaults()).plan(s.view(), s.pending(), T0.toEpochMilli());
        bothRead.await();
        return new PlanApplier(db, new SchedulerLease(db.leases(), "server-a", SchedulingFixture.LEASE))
            .apply(s, plan, grant, T0);
      }));
    }
    int applied = 0;
    int stale = 0;
    for (Future<Applied> f : appliers) {
      try {
        assertThat(f.get().placed()).hasSize(3);
        applied++;
      } catch (ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(StaleVersionException.class);
        stale++;
      }
    }
    assertThat(applied).isEqualTo(1);
    assertThat(stale).isEqualTo(1);
    assertThat(c.a.tasks().withStatus(Set.of(TaskState.PLACED), 10)).hasSize(3);
  }

  @Test
  void scheduler_threads_racing_round_after_round_place_each_task_once_and_overcommit_nothing() throws Exception {
    for (int n = 0; n < 4; n++) {
      c.node("n" + n, 4, T0);
    }
    // two threads of one server (same lease holder), each with its own pool: both plan, the checks decide.
    // Each round a thread submits two tasks, plans, and finishes one placed task as an agent would.
    List<Future<List<RoundResult>>> threads = new ArrayList<>();
    CyclicBarrier start = new CyclicBarrier(2);
    for (var db : List.of(c.a, c.b)) {
      String me = db == c.a ? "a" : "b";
      SchedulerLoop loop = SchedulingFixture.loop(db, "server-a");
      threads.add(pool.submit(() -> {
        start.await();
        List<RoundResult> results = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
          Instant now = T0.plusMillis(round);
          c.submit(me + round, now, task(me + round + "/0", 1), task(me + round + "/1", 1));
          results.add(loop.runOnce(now));
          c.assertNoNodeOvercommitted();
          finishOne(db, now);
        }
        return results;
      }));
    }
    List<String> placed = new ArrayList<>();
    int conflicts = 0;
    for (Future<List<RoundResult>> f : threads) {
      for (RoundResult r : f.get()) {
        r.applied().placed().forEach(p -> placed.add(p.substring(0, p.indexOf('@'))));
        conflicts += r.conflicts();
      }
    }
    assertThat(placed).doesNotHaveDuplicates();
    assertThat(c.a.tasks().withStatus(Set.of(TaskState.PLACED, TaskState.RUNNING, TaskState.SUCCEEDED), 1000))
        .extracting(TaskRecord::id).containsExactlyInAnyOrderElementsOf(placed);
    assertThat(placed).hasSizeGreaterThan(16);
    c.assertNoNodeOvercommitted();
    System.out.println("racing scheduler threads: " + placed.size() + " placements, " + conflicts
        + " conflicts retried");
  }

  /** An agent's work: the oldest placed task starts and succeeds; a race with the other thread skips it. */
  private static void finishOne(Database db, Instant now) {
    for (TaskRecord t : db.tasks().withStatus(Set.of(TaskState.PLACED), 1)) {
      try {
        TaskReports reports = new TaskReports(db);
        reports.started(t.id(), now);
        reports.finished(t.id(), 0, "ok", now);
      } catch (StaleVersionException | IllegalTaskTransitionException e) {
        // the other thread reported on this task first
      }
    }
  }
}
