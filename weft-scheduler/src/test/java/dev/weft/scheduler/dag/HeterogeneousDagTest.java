package dev.weft.scheduler.dag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HeterogeneousDagTest {
  private static final double[][] TWO_PROCESSORS = {{0, 1}, {1, 0}};

  @Test
  void a_cyclic_graph_is_rejected_with_a_message_naming_the_edge_that_closes_the_cycle() {
    double[][] costs = {{1, 1}, {1, 1}, {1, 1}};
    double[][] data = {{0, 1, 0}, {0, 0, 1}, {1, 0, 0}};

    assertThatThrownBy(() -> new HeterogeneousDag(costs, data, TWO_PROCESSORS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("edge n3->n1 closes a cycle");
  }

  @Test
  void a_task_sending_data_to_itself_is_a_cycle() {
    double[][] costs = {{1, 1}, {1, 1}};
    double[][] data = {{0, 1}, {0, 4}};

    assertThatThrownBy(() -> new HeterogeneousDag(costs, data, TWO_PROCESSORS))
        .hasMessage("edge n2->n2 closes a cycle");
  }

  @Test
  void a_cost_row_of_the_wrong_length_is_rejected_naming_the_row() {
    double[][] costs = {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}, {1, 1}};
    double[][] data = new double[4][4];
    double[][] bandwidth = {{0, 1, 1}, {1, 0, 1}, {1, 1, 0}};

    assertThatThrownBy(() -> new HeterogeneousDag(costs, data, bandwidth))
        .hasMessage("row 4 of the cost matrix has 2 values, expected 3");
  }

  @Test
  void a_data_matrix_that_does_not_match_the_task_count_is_rejected() {
    assertThatThrownBy(() -> new HeterogeneousDag(new double[3][2], new double[2][2], TWO_PROCESSORS))
        .hasMessage("the data matrix has 2 rows, expected 3 (one per task)");
  }

  @Test
  void a_bandwidth_matrix_that_is_not_square_is_rejected() {
    assertThatThrownBy(() -> new HeterogeneousDag(new double[1][2], new double[1][1], new double[][] {{0, 1}, {1}}))
        .hasMessage("row 2 of the bandwidth matrix has 1 values, expected 2");
  }

  @Test
  void a_negative_run_time_is_rejected_naming_the_task_and_processor() {
    assertThatThrownBy(() -> new HeterogeneousDag(new double[][] {{1, -2}}, new double[1][1], TWO_PROCESSORS))
        .hasMessage("cost of n1 on P2 is -2.0, expected a finite number >= 0");
  }

  @Test
  void a_zero_bandwidth_between_distinct_processors_is_rejected() {
    assertThatThrownBy(() -> new HeterogeneousDag(new double[1][2], new double[1][1], new double[][] {{0, 1}, {0, 0}}))
        .hasMessage("bandwidth from P2 to P1 is 0.0, expected a finite number > 0");
  }

  @Test
  void changing_the_arrays_after_construction_does_not_change_the_graph() {
    double[][] costs = {{1, 2}};
    HeterogeneousDag dag = new HeterogeneousDag(costs, new double[1][1], TWO_PROCESSORS);

    costs[0][0] = 99;
    dag.costs()[0][1] = 99;

    assertThat(dag.cost(0, 0)).isEqualTo(1);
    assertThat(dag.cost(0, 1)).isEqualTo(2);
    assertThat(dag).isEqualTo(new HeterogeneousDag(new double[][] {{1, 2}}, new double[1][1], TWO_PROCESSORS));
  }

  @Test
  void communication_is_free_on_one_processor_and_data_over_bandwidth_across_two() {
    HeterogeneousDag dag = new HeterogeneousDag(
        new double[][] {{1, 1}, {1, 1}}, new double[][] {{0, 12}, {0, 0}}, new double[][] {{0, 4}, {2, 0}});

    assertThat(dag.communication(0, 1, 1, 1)).isZero();
    assertThat(dag.communication(0, 1, 0, 1)).isEqualTo(3);
    assertThat(dag.communication(0, 1, 1, 0)).isEqualTo(6);
    assertThat(dag.meanBandwidth()).isEqualTo(3);
  }
}
