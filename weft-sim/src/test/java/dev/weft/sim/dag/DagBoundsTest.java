package dev.weft.sim.dag;

import static dev.weft.sim.testing.Jobs.after;
import static dev.weft.sim.testing.Jobs.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.sim.workload.SimJob;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class DagBoundsTest {
  /** a (4 s, 2 CPUs) -> b (3 s), a -> c (5 s) -> d (1 s); e (2 s) alone. */
  static final List<SimJob> JOBS = List.of(job("a", 0, 4, 2), after("b", 0, 3, "a"), after("c", 0, 5, "a"),
      after("d", 0, 1, "c"), job("e", 0, 2));

  @Test
  void theCriticalPathIsTheLongestChainOfRunTimes() {
    assertThat(DagBounds.of(JOBS).criticalPathSeconds()).isEqualTo(10.0);
  }

  @Test
  void totalWorkCountsCpusAndTaskTimeCountsEachTaskOnce() {
    DagBounds b = DagBounds.of(JOBS);

    assertThat(b.totalWorkSeconds()).isEqualTo(8 + 3 + 5 + 1 + 2);
    assertThat(b.taskSeconds()).isEqualTo(4 + 3 + 5 + 1 + 2);
  }

  @Test
  void theLowerBoundIsTheLargerOfTheCriticalPathAndTheWorkSpreadOverTheCpus() {
    DagBounds b = DagBounds.of(JOBS);

    assertThat(b.lowerBound(1)).isEqualTo(19.0);
    assertThat(b.lowerBound(4)).isEqualTo(10.0);
  }

  @Test
  void theTightClusterHasRoundedTaskTimeOverCriticalPathSlotsAndOneCpuTasks() {
    TightCluster tight = TightCluster.of(JOBS);

    assertThat(tight.slots()).as("15 / 10 rounds to 2").isEqualTo(2);
    assertThat(tight.cluster().describe()).isEqualTo("1 node, 2 CPUs");
    assertThat(tight.jobs()).allSatisfy(j -> assertThat(j.spec().resources().cpuMillis()).isEqualTo(1000));
    assertThat(tight.lowerBound()).isEqualTo(10.0);
  }

  @Test
  void figuresCompareTheMakespanWithTheBoundAndTheRecordedMakespan() {
    DagFigures f = DagFigures.of(JOBS, 2, 12.5, OptionalDouble.of(25));

    assertThat(f.lowerBound()).isEqualTo(10.0);
    assertThat(f.makespanOverLowerBound()).isEqualTo(1.25);
    assertThat(f.makespanOverRecorded()).hasValue(0.5);
    assertThat(DagFigures.of(JOBS, 2, 12.5, OptionalDouble.empty()).makespanOverRecorded()).isEmpty();
  }

  @Test
  void aCycleIsRefused() {
    assertThatThrownBy(() -> DagBounds.of(List.of(after("x", 0, 1, "y"), after("y", 0, 1, "x"))))
        .hasMessageContaining("cycle");
  }
}
