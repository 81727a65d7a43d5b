package dev.weft.scheduler.dag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CapacityProfileTest {
  private static final long CPU = 1000;

  @Test
  void a_task_starts_when_enough_cpu_frees_for_its_whole_run() {
    CapacityProfile p = new CapacityProfile(2 * CPU);
    p.hold(0, 10, 2 * CPU);
    p.hold(10, 20, CPU);

    assertThat(p.earliestStart(0, 5, CPU)).as("one CPU is free from 10").isEqualTo(10);
    assertThat(p.earliestStart(0, 5, 2 * CPU)).as("both CPUs only from 20").isEqualTo(20);
  }

  @Test
  void a_gap_shorter_than_the_run_is_skipped() {
    CapacityProfile p = new CapacityProfile(CPU);
    p.hold(0, 10, CPU);
    p.hold(12, 20, CPU);

    assertThat(p.earliestStart(0, 5, CPU)).isEqualTo(20);
    assertThat(p.earliestStart(0, 2, CPU)).isEqualTo(10);
  }

  @Test
  void the_latest_start_ends_by_the_deadline_before_anything_that_leaves_no_room() {
    CapacityProfile p = new CapacityProfile(CPU);
    p.hold(10, 20, CPU);

    assertThat(p.latestStart(20, 5, CPU)).as("must end by 10").isEqualTo(5);
    assertThat(p.latestStart(30, 5, CPU)).isEqualTo(25);
    assertThat(p.latestStart(24, 5, CPU)).as("[19, 24) overlaps the hold").isEqualTo(5);
  }

  @Test
  void a_zero_length_run_needs_no_room() {
    CapacityProfile p = new CapacityProfile(CPU);
    p.hold(0, 10, CPU);

    assertThat(p.earliestStart(3, 0, CPU)).isEqualTo(3);
    assertThat(p.latestStart(7, 0, CPU)).isEqualTo(7);
  }
}
