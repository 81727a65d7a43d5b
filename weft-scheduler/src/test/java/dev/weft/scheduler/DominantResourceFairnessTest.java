package dev.weft.scheduler;

import static dev.weft.scheduler.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.PolicyName;
import dev.weft.model.QueueSpec;
import dev.weft.model.TaskSpec;
import dev.weft.scheduler.api.Plan;
import dev.weft.scheduler.api.PendingTask;
import dev.weft.scheduler.api.SchedulerConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The two examples of Ghodsi et al., "Dominant Resource Fairness" (NSDI 2011). */
class DominantResourceFairnessTest {
  private static final long GB = 1024;

  /** n tasks of user a (cpus, mem) and n of user b, alternating; in queues root.a/root.b or one queue. */
  private static List<PendingTask> interleaved(String a, String b, double[] ta, double[] tb, int n, boolean byQueue) {
    List<PendingTask> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(PendingTask.of(spec(a + i, ta, byQueue ? "root." + a : "root.shared", a)));
      out.add(PendingTask.of(spec(b + i, tb, byQueue ? "root." + b : "root.shared", b)));
    }
    return out;
  }

  private static TaskSpec spec(String id, double[] cpuMemGb, String queue, String user) {
    return task(id, cpuMemGb[0], Math.round(cpuMemGb[1] * GB)).queue(queue).user(user).build();
  }

  private static double[] d(double cpu, double memGb) {
    return new double[] {cpu, memGb};
  }

  @ParameterizedTest
  @EnumSource(value = SchedulerConfig.Backfill.class, names = {"NONE", "EASY"})
  void twoQueuesOnNineCpusAndEighteenGigabytesGetThreeAndTwoTasks(SchedulerConfig.Backfill backfill) {
    QueueSpec tree = QueueSpec.parent("root", List.of(QueueSpec.leaf("A", PolicyName.FCFS),
        QueueSpec.leaf("B", PolicyName.FCFS)));
    Plan p = plan(noPreemption().withBackfill(backfill), List.of(node("n1", 9, 18 * GB)), List.of(), tree,
        interleaved("A", "B", d(1, 4), d(3, 1), 10, true), 0);
    assertThat(placedIn(p, "A")).isEqualTo(3);
    assertThat(placedIn(p, "B")).isEqualTo(2);
  }

  @Test
  void twoQueuesOnAHundredCpusAndTenTerabytesGetTwentyAndTen() {
    QueueSpec tree = QueueSpec.parent("root", List.of(QueueSpec.leaf("A", PolicyName.FCFS),
        QueueSpec.leaf("B", PolicyName.FCFS)));
    Plan p = plan(noPreemption(), List.of(node("n1", 100, 10 * 1024 * GB)), List.of(), tree,
        interleaved("A", "B", d(2, 300), d(6, 100), 40, true), 0);
    assertThat(placedIn(p, "A")).isEqualTo(20);
    assertThat(placedIn(p, "B")).isEqualTo(10);
  }

  @Test
  void theFairPolicyGivesTheSameSharesToTwoUsersOfOneQueue() {
    QueueSpec tree = QueueSpec.parent("root", List.of(QueueSpec.leaf("shared", PolicyName.FAIR)));
    Plan p = plan(noPreemption(), List.of(node("n1", 9, 18 * GB)), List.of(), tree,
        interleaved("A", "B", d(1, 4), d(3, 1), 10, false), 0);
    assertThat(placedIn(p, "A")).isEqualTo(3);
    assertThat(placedIn(p, "B")).isEqualTo(2);
  }

  @Test
  void aHeavierWeightBuysALargerShare() {
    QueueSpec tree = QueueSpec.parent("root", List.of(QueueSpec.leaf("A", PolicyName.FCFS).withWeight(3),
        QueueSpec.leaf("B", PolicyName.FCFS)));
    Plan p = plan(noPreemption(), List.of(node("n1", 8, 8 * GB)), List.of(), tree,
        interleaved("A", "B", d(1, 1), d(1, 1), 10, true), 0);
    assertThat(placedIn(p, "A")).isEqualTo(6);
    assertThat(placedIn(p, "B")).isEqualTo(2);
  }
}
