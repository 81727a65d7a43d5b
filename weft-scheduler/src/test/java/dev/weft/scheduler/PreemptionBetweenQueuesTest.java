package dev.weft.scheduler;

import static dev.weft.scheduler.PreemptionTest.fill;
import static dev.weft.scheduler.PreemptionTest.nodes;
import static dev.weft.scheduler.PreemptionTest.plan;
import static dev.weft.scheduler.PreemptionTest.twoQueues;
import static dev.weft.scheduler.PreemptionTest.victims;
import static dev.weft.scheduler.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.scheduler.api.Plan;
import dev.weft.scheduler.api.PreemptionConfig;
import dev.weft.scheduler.api.PreemptionMode;
import dev.weft.scheduler.api.RunningTask;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Priority preemption and guarantee reclaim must not undo each other: priority takes from another
 * queue only what that queue borrows beyond its guarantee, and a queue never reclaims from itself.
 */
class PreemptionBetweenQueuesTest {
  private static final PreemptionConfig BOTH =
      new PreemptionConfig(true, 10, false, true, 0.1, 1.0, PreemptionMode.KILL_AND_REQUEUE);

  @Test
  void aHighPriorityTaskDoesNotPushAnotherQueueBelowItsGuarantee() {
    List<RunningTask> running = new ArrayList<>(fill("b", 4, 2, 0));
    running.addAll(fill("a", 4, 2, 4));

    Plan p = plan(BOTH, nodes(4), running, twoQueues(50, 50),
        task("urgent", 2, 1024).queue("root.a").priority(90).build());

    assertThat(victims(p)).as("b holds exactly its 50%; a may only preempt its own tasks")
        .isNotEmpty().allMatch(v -> v.startsWith("a"));
  }

  @Test
  void aHighPriorityTaskTakesWhatAnotherQueueBorrowsBeyondItsGuarantee() {
    Plan p = plan(BOTH, nodes(4), fill("b", 8, 2, 0), twoQueues(50, 50),
        task("urgent", 2, 1024).queue("root.a").priority(90).build());

    assertThat(victims(p)).hasSize(1).allMatch(v -> v.startsWith("b"));
  }

  @Test
  void aQueueBelowItsGuaranteeNeverReclaimsFromItself() {
    List<RunningTask> running = new ArrayList<>();
    running.add(new RunningTask(task("c0", 4, 1024).queue("root.c").preemptible(false).build(), "n0", 0));
    running.add(new RunningTask(task("a0", 3, 1024).queue("root.a").build(), "n1", 0));

    Plan p = plan(PreemptionTest.reclaim(0.1, 1.0), nodes(2), running, twoQueues(50, 50),
        task("a-new", 2, 1024).queue("root.a").build());

    assertThat(victims(p)).as("a holds 3 of its 4 guaranteed cpus; stopping its own task gains it nothing").isEmpty();
  }
}
