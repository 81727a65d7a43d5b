package dev.weft.scheduler.dag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: whatever the graph, HEFT and CPOP produce a valid schedule. The graphs are drawn from
 * a seeded generator, so a failing seed replays; they include zero run times, zero-cost chains
 * whose ranks tie, several entry tasks, a single processor and asymmetric bandwidths.
 */
class HeftAndCpopOnRandomGraphsTest {

  static IntStream seeds() {
    return IntStream.rangeClosed(1, 300);
  }

  @ParameterizedTest(name = "HEFT and CPOP give valid schedules on random graph #{0}")
  @MethodSource("seeds")
  void heft_and_cpop_give_valid_schedules_on_random_graphs(int seed) {
    HeterogeneousDag dag = randomDag(new Random(seed));

    assertThat(ScheduleValidity.violations(dag, Heft.schedule(dag))).as("HEFT").isEmpty();
    assertThat(ScheduleValidity.violations(dag, Cpop.schedule(dag))).as("CPOP").isEmpty();
  }

  private static HeterogeneousDag randomDag(Random random) {
    int tasks = 1 + random.nextInt(20);
    int processors = 1 + random.nextInt(4);
    double[][] costs = new double[tasks][processors];
    for (double[] row : costs) {
      Arrays.setAll(row, p -> random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(20));
    }
    // Edges go forward in a shuffled order, so the graph is acyclic but index order is not a
    // topological order: a tie broken by index must still never run a task before its input.
    List<Integer> position = IntStream.range(0, tasks).boxed().collect(Collectors.toList());
    Collections.shuffle(position, random);
    double[][] data = new double[tasks][tasks];
    for (int i = 0; i < tasks; i++) {
      for (int j = i + 1; j < tasks; j++) {
        data[position.get(i)][position.get(j)] = random.nextInt(3) == 0 ? 1 + random.nextInt(20) : 0;
      }
    }
    double[][] bandwidth = new double[processors][processors];
    for (int a = 0; a < processors; a++) {
      for (int b = 0; b < processors; b++) {
        bandwidth[a][b] = a == b ? 0 : 0.5 + random.nextInt(3);
      }
    }
    return new HeterogeneousDag(costs, data, bandwidth);
  }
}
