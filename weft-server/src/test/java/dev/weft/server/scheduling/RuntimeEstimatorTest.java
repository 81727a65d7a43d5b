package dev.weft.server.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.TaskSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuntimeEstimatorTest {
  private static final TaskSpec UNKNOWN = TaskSpec.builder("t").build();

  @Test
  void the_median_ignores_one_run_that_hung() {
    assertThat(RuntimeEstimator.estimate(UNKNOWN, List.of(100L, 3_600_000L, 120L)).estimateMillis()).isEqualTo(120);
  }

  @Test
  void an_even_count_takes_the_mean_of_the_middle_two() {
    assertThat(RuntimeEstimator.median(List.of(40L, 10L, 30L, 20L))).isEqualTo(25);
  }

  @Test
  void only_the_most_recent_runs_count() {
    List<Long> history = List.of(1L, 1L, 1L, 1L, 1L, 9L, 9L, 9L, 9L, 9L, 9L, 9L, 9L, 9L);
    assertThat(RuntimeEstimator.estimate(UNKNOWN, history).estimateMillis()).isEqualTo(9);
  }

  @Test
  void a_task_that_states_its_estimate_keeps_it_and_no_history_leaves_it_unknown() {
    TaskSpec stated = TaskSpec.builder("t").estimateMillis(7).build();
    assertThat(RuntimeEstimator.estimate(stated, List.of(100L)).estimateMillis()).isEqualTo(7);
    assertThat(RuntimeEstimator.estimate(UNKNOWN, List.of()).estimateMillis()).isZero();
    assertThat(RuntimeEstimator.estimate(UNKNOWN, null).estimateMillis()).isZero();
  }
}
