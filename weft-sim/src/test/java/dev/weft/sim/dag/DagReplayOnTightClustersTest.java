package dev.weft.sim.dag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.weft.model.PolicyName;
import dev.weft.scheduler.CorePlanner;
import dev.weft.scheduler.api.PreemptionConfig;
import dev.weft.scheduler.api.SchedulerConfig;
import dev.weft.sim.engine.Simulator;
import dev.weft.sim.metrics.SimResult;
import dev.weft.sim.queues.QueueTreeOfWorkload;
import dev.weft.sim.testing.SharedData;
import dev.weft.sim.workload.WfFormatReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 3, must show 3: the 17 WfInstances of the shared data, each on its tight cluster of
 * round(task time / critical path) one-core slots (every task takes one slot), replayed by the
 * real planner as {@code weft simulate} does (no backfilling, no preemption). The ratios are
 * makespan / max(critical path, task time / slots); docs/dag-replay.md has the table.
 * Skips when the shared data is absent; the data is read in place, never copied.
 */
class DagReplayOnTightClustersTest {
  /** Makespan over lower bound of one instance under each policy. */
  record Replay(String instance, double fcfs, double criticalPath, double lookahead, double bound) {}

  private static final List<Replay> REPLAYS = new ArrayList<>();

  @BeforeAll
  static void replayEveryInstance() throws IOException {
    Path folder = SharedData.file("wfinstances");
    Assumptions.assumeTrue(Files.isDirectory(folder), "wfinstances absent (shared data not present): " + folder);
    List<Path> files;
    try (Stream<Path> s = Files.list(folder)) {
      files = s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    for (Path f : files) {
      TightCluster tight = TightCluster.of(new WfFormatReader().read(f).workload().jobs());
      REPLAYS.add(new Replay(f.getFileName().toString(), ratio(tight, PolicyName.FCFS),
          ratio(tight, PolicyName.CRITICAL_PATH), ratio(tight, PolicyName.DAG_LOOKAHEAD),
          SlotBound.of(tight.jobs(), tight.slots()) / tight.lowerBound()));
    }
  }

  @Test
  void all17InstancesAreReplayed() {
    assertThat(REPLAYS).hasSize(17);
  }

  @Test
  void criticalPathIsNeverWorseThanFcfsOnAnyInstance() {
    assertThat(REPLAYS).allSatisfy(r -> assertThat(r.criticalPath()).as(r.instance()).isLessThanOrEqualTo(r.fcfs()));
  }

  @Test
  void criticalPathAveragesAtMost135TimesTheLowerBound() {
    assertThat(mean(Replay::criticalPath)).isLessThanOrEqualTo(1.35);
  }

  /**
   * On rnaseq the lookahead ends 35 ms (of 875 s) after critical-path: 56 of its tasks ran 0 s and
   * are estimated at 1 ms, so the plan is off by that much; with exact estimates it ends first.
   */
  @Test
  void dagLookaheadIsNeverWorseThanFcfsNorNoticeablyWorseThanCriticalPathAndAveragesBelowIt() {
    assertThat(REPLAYS).allSatisfy(r -> assertThat(r.lookahead()).as(r.instance())
        .isLessThanOrEqualTo(r.fcfs()).isLessThanOrEqualTo(r.criticalPath() * 1.0001));
    assertThat(mean(Replay::lookahead)).isLessThanOrEqualTo(1.335);
  }

  /**
   * The goal of averaging below 1.30 cannot be met by any schedule without preemption: the
   * stronger bound of {@link SlotBound} already averages 1.31 over the 17 instances, and no
   * replay beats it.
   */
  @Test
  void noScheduleAveragesBelow130BecauseTheStrongerBoundAveragesAbove() {
    assertThat(REPLAYS).allSatisfy(r -> assertThat(r.bound()).as(r.instance())
        .isLessThanOrEqualTo(r.lookahead()).isLessThanOrEqualTo(r.criticalPath()));
    assertThat(mean(Replay::bound)).isCloseTo(1.3099, within(0.00005)).isGreaterThan(1.30);
  }

  @Test
  void theMeansAreThoseOfTheDocs() {
    assertThat(mean(Replay::fcfs)).as("fcfs").isCloseTo(1.5588, within(0.00005));
    assertThat(mean(Replay::criticalPath)).as("critical-path").isCloseTo(1.3499, within(0.00005));
    assertThat(mean(Replay::lookahead)).as("dag-lookahead").isCloseTo(1.3346, within(0.00005));
  }

  private static double ratio(TightCluster tight, PolicyName policy) {
    SchedulerConfig config = SchedulerConfig.defaults().withBackfill(SchedulerConfig.Backfill.NONE)
        .withPreemption(PreemptionConfig.none());
    SimResult r = new Simulator(new CorePlanner(config), tight.cluster().nodes(),
        QueueTreeOfWorkload.build(List.of(), policy)).run(tight.jobs());
    assertThat(r.jobs()).as("every task finished").isEqualTo(tight.jobs().size());
    return r.makespan() / tight.lowerBound();
  }

  private static double mean(ToDoubleFunction<Replay> ratio) {
    return REPLAYS.stream().mapToDouble(ratio).average().orElseThrow();
  }
}
