package dev.weft.server.scheduling;

import static dev.weft.server.scheduling.SchedulingFixture.T0;
import static dev.weft.server.scheduling.SchedulingFixture.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.TaskSpec;
import dev.weft.scheduler.CorePlanner;
import dev.weft.scheduler.api.Plan;
import dev.weft.scheduler.api.SchedulerConfig;
import dev.weft.server.runtime.TestDb;
import dev.weft.store.LeaseGrant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A measurement, not part of the suite (the name does not end in Test): how long one round's
 * read, plan and apply take on the local PostgreSQL for 100 nodes and 2,000 pending tasks.
 * Run: {@code ./mvnw -B -ntp -q -pl weft-server -am verify -Dtest=SchedulerRoundProbe
 * -Dsurefire.failIfNoSpecifiedTests=false}; figures go to standard output.
 */
class SchedulerRoundProbe {
  @TempDir Path tempDir;

  @Test
  void one_round_of_100_nodes_and_2000_pending_tasks() {
    try (SchedulingFixture c = new SchedulingFixture(TestDb.POSTGRES, tempDir)) {
      for (int n = 0; n < 100; n++) {
        c.node("n" + n, 16, T0);
      }
      JobSubmission jobs = new JobSubmission(c.a);
      for (int j = 0; j < 20; j++) {
        List<TaskSpec> tasks = new ArrayList<>();
        for (int t = 0; t < 100; t++) {
          tasks.add(task("j" + j + "/" + t, 1).build());
        }
        jobs.submit("j" + j, "job-" + (j % 4), tasks, T0);
      }
      SchedulerLease lease = new SchedulerLease(c.a.leases(), "probe", SchedulingFixture.LEASE);
      LeaseGrant grant = lease.acquire(T0).orElseThrow();
      SnapshotReader reader = new SnapshotReader(c.a);
      CorePlanner planner = new CorePlanner(SchedulerConfig.defaults());
      PlanApplier applier = new PlanApplier(c.a, lease);
      for (int round = 1; round <= 3; round++) {
        long t0 = System.nanoTime();
        Snapshot s = reader.read(T0);
        long t1 = System.nanoTime();
        Plan plan = planner.plan(s.view(), s.pending(), T0.toEpochMilli());
        long t2 = System.nanoTime();
        Applied applied = applier.apply(s, plan, grant, T0);
        long t3 = System.nanoTime();
        System.out.printf("round %d: %d pending, %d running; read %d ms, plan %d ms, apply %d ms (%d placed)%n",
            round, s.pending().size(), s.view().running().size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
            (t3 - t2) / 1_000_000, applied.placed().size());
        if (round == 1) {
          assertThat(applied.placed()).hasSize(1600);
        }
      }
      c.assertNoNodeOvercommitted();
    }
  }
}
