package dev.weft.server.scheduling;

import static dev.weft.server.scheduling.SchedulingFixture.T0;
import static dev.weft.server.scheduling.SchedulingFixture.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.lifecycle.TaskState;
import dev.weft.scheduler.CorePlanner;
import dev.weft.scheduler.api.Plan;
import dev.weft.scheduler.api.SchedulerConfig;
import dev.weft.server.runtime.TestDb;
import dev.weft.store.LeaseGrant;
import dev.weft.store.StaleVersionException;
import java.nio.file.Path;
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
    int jobs = 12;
    for (int j = 0; j < jobs; j++) {
      c.submit("j" + j, T0, task("j" + j + "/0", 1), task("j" + j + "/1", 0.5), task("j" + j + "/2", 0.25));
    }
    // two threads of one server (same lease holder), each with its own pool: both plan, the checks decide
    SchedulerLoop first = SchedulingFixture.loop(c.a, "server-a");
    SchedulerLoop second = SchedulingFixture.loop(c.b, "server-a");
    CyclicBarrier start = new CyclicBarrier(2);
    List<Future<List<RoundResult>>> threads = new ArrayList<>();
    for (SchedulerLoop loop : List.of(first, second)) {
      threads.add(pool.submit(() -> {
        start.await();
        List<RoundResult> results = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
          results.add(loop.runOnce(T0.plusMillis(round)));
        }
        return results;
      }));
    }
    List<String> placed = new ArrayList<>();
    for (Future<List<RoundResult>> f : threads) {
      for (RoundResult r : f.get()) {
        r.applied().placed().forEach(p -> placed.add(p.substring(0, p.indexOf('@'))));
      }
    }
    assertThat(placed).doesNotHaveDuplicates();
    assertThat(c.a.tasks().withStatus(Set.of(TaskState.PLACED), 100)).extracting(t -> t.id())
        .containsExactlyInAnyOrderElementsOf(placed);
    c.assertNoNodeOvercommitted();
  }
}
