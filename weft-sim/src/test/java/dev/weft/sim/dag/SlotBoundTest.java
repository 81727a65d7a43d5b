package dev.weft.sim.dag;

import static dev.weft.sim.testing.Jobs.after;
import static dev.weft.sim.testing.Jobs.job;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlotBoundTest {
  @Test
  void threeEqualTasksOnTwoSlotsNeedTwoRunsInARow() {
    var jobs = List.of(job("a", 0, 5), job("b", 0, 5), job("c", 0, 5));

    assertThat(DagBounds.of(jobs).lowerBound(2)).isEqualTo(7.5);
    assertThat(SlotBound.of(jobs, 2)).isEqualTo(10.0);
  }

  @Test
  void workThatMustRunBetweenAHeadAndATailCountsTheWindow() {
    // s (4) -> x, y, z (2 each) -> j (4) and a free task f (6), on 2 slots: x, y and z run in
    // [4, makespan - 4], so the makespan is at least 4 + 6 / 2 + 4 = 11, or 12 as two of them
    // share a slot; the classic bound says max(10, 18 / 2) = 10.
    var jobs = List.of(job("s", 0, 4), after("x", 0, 2, "s"), after("y", 0, 2, "s"), after("z", 0, 2, "s"),
        after("j", 0, 4, "x", "y", "z"), job("f", 0, 6));

    assertThat(DagBounds.of(jobs).lowerBound(2)).isEqualTo(10.0);
    assertThat(SlotBound.of(jobs, 2)).isEqualTo(12.0);
  }

  @Test
  void aTaskWaitsForTheTimeItsAncestorsNeedOnTheSlots() {
    // Four 3 s tasks feed t (1 s) on 2 slots: t starts at 6 at the earliest and ends at 7.
    var jobs = List.of(job("a", 0, 3), job("b", 0, 3), job("c", 0, 3), job("d", 0, 3),
        after("t", 0, 1, "a", "b", "c", "d"));

    assertThat(DagBounds.of(jobs).lowerBound(2)).isEqualTo(6.5);
    assertThat(SlotBound.of(jobs, 2)).isEqualTo(7.0);
  }
}
