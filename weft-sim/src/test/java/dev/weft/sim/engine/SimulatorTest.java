package dev.weft.sim.engine;

import static dev.weft.sim.testing.Jobs.after;
import static dev.weft.sim.testing.Jobs.job;
import static dev.weft.sim.testing.Jobs.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.model.Node;
import dev.weft.model.PolicyName;
import dev.weft.model.QueueSpec;
import dev.weft.scheduler.api.Planner;
import dev.weft.sim.cluster.ClusterSpec;
import dev.weft.sim.metrics.SimResult;
import dev.weft.sim.testing.InOrderPlanner;
import dev.weft.sim.workload.SimJob;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorTest {
  private final InOrderPlanner inOrder = new InOrderPlanner();

  @Test
  void jobsSubmittedAtTheSameTimeArePendingInWorkloadOrder() {
    run(inOrder, "cpus=1", job("c", 0, 1), job("a", 0, 1), job("b", 0, 1));

    assertThat(inOrder.calls().get(0).pendingIds()).containsExactly("c", "a", "b");
  }

  @Test
  void jobsAreSubmittedInTimeOrderWhateverTheirWorkloadOrder() {
    SimResult r = run(inOrder, "cpus=1", job("late", 5, 1), job("early", 0, 1));

    assertThat(r.task("early").orElseThrow().startMillis()).isZero();
    assertThat(r.task("late").orElseThrow().startMillis()).isEqualTo(5_000);
  }

  @Test
  void finishesAtATimeAreHandledBeforeSubmissionsAndThePlannerIsCalledOncePerTime() {
    SimResult r = run(inOrder, "cpus=1", job("a", 0, 10), job("b", 10, 5));

    assertThat(inOrder.calls()).extracting(InOrderPlanner.Call::now).containsExactly(0L, 10_000L);
    assertThat(inOrder.calls().get(1).view().running()).isEmpty();
    assertThat(r.task("b").orElseThrow().startMillis()).isEqualTo(10_000);
    assertThat(r.task("b").orElseThrow().finishMillis()).isEqualTo(15_000);
  }

  @Test
  void theRunningTasksAreShownToThePlannerWithTheirStartTimes() {
    run(inOrder, "cpus=2", job("a", 0, 10), job("b", 3, 20, 2));

    var call = inOrder.calls().get(1);
    assertThat(call.view().running()).singleElement().satisfies(t -> {
      assertThat(t.spec().id()).isEqualTo("a");
      assertThat(t.startMillis()).isZero();
      assertThat(t.nodeId()).isEqualTo("n1");
    });
  }

  @Test
  void firstComeFirstServedOnOneCpuGivesTheTextbookAverageWait() {
    SimResult r = run(inOrder, "cpus=1", job("p1", 0, 24), job("p2", 0, 3), job("p3", 0, 3));

    assertThat(r.avgWait()).isEqualTo(17.0);
    assertThat(r.avgTurnaround()).isEqualTo(27.0);
    assertThat(r.maxWait()).isEqualTo(27.0);
    assertThat(r.makespan()).isEqualTo(30.0);
    assertThat(r.utilization()).isEqualTo(1.0);
    assertThat(r.jobs()).isEqualTo(3);
  }

  @Test
  void aJobWithDependenciesBecomesPendingOnlyWhenAllHaveFinished() {
    SimResult r = run(inOrder, "cpus=4", job("a", 0, 5), job("b", 0, 8), after("c", 0, 1, "a", "b"));

    assertThat(inOrder.calls().get(0).pendingIds()).containsExactly("a", "b");
    assertThat(inOrder.calls().get(1).now()).isEqualTo(8_000);
    assertThat(inOrder.calls().get(1).pendingIds()).containsExactly("c");
    assertThat(r.task("c").orElseThrow().startMillis()).isEqualTo(8_000);
  }

  @Test
  void thePlannerIsNotCalledWhenNothingIsPending() {
    run(inOrder, "cpus=4", job("a", 0, 5), job("b", 0, 8), after("c", 0, 1, "a", "b"));

    assertThat(inOrder.calls()).extracting(InOrderPlanner.Call::now).containsExactly(0L, 8_000L);
  }

  @Test
  void theUnfinishedDagTasksArePassedAsTheGraphWithSuccessorsEstimatesAndCpu() {
    run(inOrder, "cpus=1", job("a", 0, 5), after("b", 0, 2, "a"), after("c", 0, 3, "a", "b"), job("solo", 0, 1));

    var first = inOrder.calls().get(0).view().graph();
    assertThat(first.successors()).containsOnlyKeys("a", "b", "c");
    assertThat(first.successors().get("a")).containsExactlyInAnyOrder("b", "c");
    assertThat(first.successors().get("c")).isEmpty();
    assertThat(first.estimates()).containsEntry("b", 2_000L);
    assertThat(first.cpuMillis()).containsEntry("c", 1_000L);
    var afterA = inOrder.calls().get(2).view().graph();
    assertThat(afterA.successors()).containsOnlyKeys("b", "c");
  }

  @Test
  void recentRuntimesKeepTheLastEightOfEachUserMostRecentLast() {
    List<SimJob> jobs = new java.util.ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      jobs.add(SimJob.of(spec("j" + i, i * 100, i, 1).user("ann").build(), i * 1000L));
    }
    jobs.add(SimJob.of(spec("last", 2000, 1, 1).user("ann").build(), 1000));
    run(inOrder, "cpus=1", jobs.toArray(SimJob[]::new));

    Map<String, List<Long>> seen = inOrder.calls().get(inOrder.calls().size() - 1).view().recentRuntimes();
    assertThat(seen.get("ann")).containsExactly(3_000L, 4_000L, 5_000L, 6_000L, 7_000L, 8_000L, 9_000L, 10_000L);
  }

  @Test
  void zeroLengthJobsFinishAtTheirStart() {
    SimResult r = run(inOrder, "cpus=1", job("a", 0, 0), job("b", 0, 0), job("c", 0, 2));

    assertThat(r.finishTimes()).containsEntry("a", 0L).containsEntry("b", 0L).containsEntry("c", 2_000L);
  }

  @Test
  void figuresAreAlsoGivenPerQueue() {
    SimResult r = run(inOrder, "cpus=1",
        SimJob.of(spec("a", 0, 10, 1).queue("root.x").build(), 10_000),
        SimJob.of(spec("b", 0, 10, 1).queue("root.y").build(), 10_000));

    assertThat(r.queues()).containsOnlyKeys("root.x", "root.y");
    assertThat(r.queues().get("root.x").avgWait()).isZero();
    assertThat(r.queues().get("root.y").avgWait()).isEqualTo(10.0);
    assertThat(r.queues().get("root.y").avgBoundedSlowdown()).isEqualTo(2.0);
  }

  @Test
  void twoJobsWithTheSameIdAreRefused() {
    assertThatThrownBy(() -> run(inOrder, "cpus=1", job("a", 0, 1), job("a", 1, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("two jobs have the id a");
  }

  @Test
  void aDependencyOnAJobOutsideTheWorkloadIsRefused() {
    assertThatThrownBy(() -> run(inOrder, "cpus=1", after("a", 0, 1, "ghost")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("job a depends on unknown job ghost");
  }

  static SimResult run(Planner planner, String cluster, SimJob... jobs) {
    List<Node> nodes = ClusterSpec.parse(cluster).nodes();
    return new Simulator(planner, nodes, QueueSpec.defaultTree(PolicyName.FCFS)).run(List.of(jobs));
  }
}
