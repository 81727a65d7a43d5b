package dev.weft.scheduler.dag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.weft.scheduler.api.TaskGraph;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class UpwardRanksTest {

  @Test
  void a_task_ranks_as_its_estimate_plus_its_longest_successor_chain() {
    // a -> b -> d, a -> c -> d: the chain through b is the longer one.
    TaskGraph graph = new TaskGraph(
        Map.of("a", List.of("b", "c"), "b", List.of("d"), "c", List.of("d")),
        Map.of("a", 3L, "b", 5L, "c", 2L, "d", 4L));

    assertThat(UpwardRanks.of(graph))
        .containsExactly(entry("a", 12.0), entry("b", 9.0), entry("c", 6.0), entry("d", 4.0));
  }

  @Test
  void tasks_without_an_estimate_count_as_zero_even_when_only_named_as_successors() {
    TaskGraph graph = new TaskGraph(
        Map.of("build", List.of("test"), "test", List.of("publish")),
        Map.of("build", 7L, "publish", 2L));

    assertThat(UpwardRanks.of(graph))
        .containsExactly(entry("build", 9.0), entry("publish", 2.0), entry("test", 2.0));
  }

  @Test
  void a_task_with_no_successors_ranks_as_its_estimate() {
    TaskGraph graph = new TaskGraph(Map.of(), Map.of("alone", 42L));

    assertThat(UpwardRanks.of(graph)).containsExactly(entry("alone", 42.0));
  }

  @Test
  void an_empty_graph_has_no_ranks() {
    assertThat(UpwardRanks.of(TaskGraph.EMPTY)).isEmpty();
  }

  @Test
  void a_chain_of_ten_thousand_tasks_is_ranked_without_exhausting_the_stack() {
    int length = 10_000;
    Map<String, List<String>> successors = new HashMap<>();
    Map<String, Long> estimates = new HashMap<>();
    for (int i = 0; i < length; i++) {
      estimates.put("t" + i, 1L);
      if (i + 1 < length) {
        successors.put("t" + i, List.of("t" + (i + 1)));
      }
    }

    Map<String, Double> ranks = UpwardRanks.of(new TaskGraph(successors, estimates));

    assertThat(ranks).hasSize(length).containsEntry("t0", 10_000.0).containsEntry("t9999", 1.0)
        .containsEntry("t5000", 5_000.0);
  }

  @Test
  void the_same_graph_always_gives_the_same_ranks_in_task_id_order() {
    TaskGraph graph = new TaskGraph(
        Map.of("z", List.of("y", "x"), "y", List.of("w"), "x", List.of("w")),
        Map.of("z", 1L, "y", 2L, "x", 3L, "w", 4L));

    Map<String, Double> first = UpwardRanks.of(graph);

    assertThat(first.keySet()).containsExactly("w", "x", "y", "z");
    assertThat(UpwardRanks.of(graph)).isEqualTo(first);
  }

  @Test
  void a_cyclic_graph_is_rejected_with_a_message_naming_the_edge_that_closes_the_cycle() {
    TaskGraph graph = new TaskGraph(
        Map.of("a", List.of("b"), "b", List.of("c"), "c", List.of("a")),
        Map.of("a", 1L, "b", 1L, "c", 1L));

    assertThatThrownBy(() -> UpwardRanks.of(graph))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("edge c->a closes a cycle");
  }
}
