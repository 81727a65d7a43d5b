package dev.weft.scheduler.dag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.weft.scheduler.api.TaskGraph;
import dev.weft.scheduler.dag.LookaheadInput.Ready;
import dev.weft.scheduler.dag.LookaheadInput.Running;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DagLookaheadTest {
  private static final long CPU = 1000;

  @Test
  void a_short_task_that_unlocks_a_successor_goes_first_so_the_successor_fills_a_gap() {
    // a (5), c (6) and b (3) -> d (1) on 2 CPUs. Upward ranks (c 6, a 5, b 4) start c and a and
    // end at 9; starting b and c lets a follow b and d follow c: 8.
    TaskGraph graph = new TaskGraph(Map.of("b", List.of("d")), Map.of("a", 5L, "b", 3L, "c", 6L, "d", 1L));
    LookaheadPlan plan = DagLookahead.plan(new LookaheadInput(graph,
        List.of(ready("a", 5), ready("b", 3), ready("c", 6)), List.of(), 2 * CPU, 0));

    assertThat(plan.makespanMillis()).isEqualTo(8);
    assertThat(plan.rule()).isEqualTo("tail-first");
    assertThat(plan.readyOrder()).containsExactly("b", "c", "a");
    assertThat(plan.starts()).contains(entry("b", 0L), entry("c", 0L), entry("a", 3L), entry("d", 6L));
  }

  @Test
  void justification_closes_a_gap_that_list_scheduling_leaves() {
    // a (2) -> c (6), b (5) -> d (5), e (8) on 2 CPUs: list scheduling by upward rank runs b, a,
    // e, c, d and ends at 15; packing the schedule against its end and back gives 13.
    TaskGraph graph = new TaskGraph(Map.of("a", List.of("c"), "b", List.of("d")),
        Map.of("a", 2L, "b", 5L, "c", 6L, "d", 5L, "e", 8L));
    LookaheadInput in = new LookaheadInput(graph, List.of(ready("a", 2), ready("b", 5), ready("e", 8)), List.of(),
        2 * CPU, 0);
    LookaheadProblem p = new LookaheadProblem(in);

    long listed = Justification.makespan(p, GreedyListSchedule.of(p, LookaheadRule.UPWARD_RANK.positions(p)));

    assertThat(listed).isEqualTo(15);
    assertThat(DagLookahead.plan(in).makespanMillis()).isEqualTo(13);
  }

  @Test
  void running_tasks_hold_their_cpu_until_their_expected_end_and_release_their_successors_then() {
    TaskGraph graph = new TaskGraph(Map.of("r", List.of("s")), Map.of("r", 10L, "s", 4L, "x", 4L));
    LookaheadPlan plan = DagLookahead.plan(new LookaheadInput(graph, List.of(ready("x", 4), ready("y", 4)),
        List.of(new Running("r", 110, CPU)), 2 * CPU, 100));

    assertThat(plan.starts()).containsOnly(entry("x", 100L), entry("y", 104L), entry("s", 110L));
    assertThat(plan.makespanMillis()).isEqualTo(114);
  }

  @Test
  void a_task_of_unknown_run_time_that_is_running_keeps_its_cpu_for_good() {
    LookaheadPlan plan = DagLookahead.plan(new LookaheadInput(TaskGraph.EMPTY, List.of(ready("x", 5), ready("y", 5)),
        List.of(new Running("batch", LookaheadInput.NEVER, CPU)), 2 * CPU, 0));

    assertThat(plan.starts()).containsOnly(entry("x", 0L), entry("y", 5L));
  }

  @Test
  void ties_keep_the_order_of_the_ready_tasks() {
    LookaheadPlan plan = DagLookahead.plan(new LookaheadInput(TaskGraph.EMPTY,
        List.of(ready("second-by-name", 5), ready("first-by-name", 5)), List.of(), CPU, 0));

    assertThat(plan.readyOrder()).containsExactly("second-by-name", "first-by-name");
  }

  @Test
  void the_first_task_to_offer_ranks_highest() {
    LookaheadPlan plan = new LookaheadPlan(Map.of(), 0, "upward-rank", List.of("b", "c", "a"));

    assertThat(DagLookahead.ranks(plan)).containsOnly(entry("b", 3.0), entry("c", 2.0), entry("a", 1.0));
  }

  private static Ready ready(String id, long duration) {
    return new Ready(id, duration, CPU);
  }
}
