package dev.weft.scheduler.dag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HeftTest {

  @Test
  void upward_ranks_of_the_HEFT_paper_graph_are_the_published_ones() {
    DagSchedule schedule = Heft.schedule(DagCsv.load(DagCsv.HEFT_PAPER_GRAPH));

    double[] published = {108, 77, 80, 80, 69, 63.333, 42.667, 35.667, 44.333, 14.667};
    for (int t = 0; t < published.length; t++) {
      assertThat(schedule.ranks().get(t)).as(HeterogeneousDag.taskName(t)).isCloseTo(published[t], within(0.001));
    }
  }

  @Test
  void tasks_are_taken_in_the_papers_order_with_n3_before_n4_although_both_rank_80() {
    HeterogeneousDag dag = DagCsv.load(DagCsv.HEFT_PAPER_GRAPH);

    int[] order = PriorityOrder.of(dag, MeanCostRanks.upward(dag));

    assertThat(Arrays.stream(order).mapToObj(HeterogeneousDag::taskName))
        .containsExactly("n1", "n3", "n4", "n2", "n5", "n6", "n9", "n7", "n8", "n10");
  }

  @Test
  void insertion_based_HEFT_finishes_the_HEFT_paper_graph_at_80() {
    HeterogeneousDag dag = DagCsv.load(DagCsv.HEFT_PAPER_GRAPH);
    DagSchedule schedule = Heft.schedule(dag);

    assertThat(schedule.makespan()).isEqualTo(80);
    assertThat(ScheduleValidity.violations(dag, schedule)).isEmpty();
  }

  @Test
  void every_task_of_the_HEFT_paper_graph_runs_where_and_when_the_paper_schedules_it() {
    DagSchedule schedule = Heft.schedule(DagCsv.load(DagCsv.HEFT_PAPER_GRAPH));

    assertThat(timeline(schedule, 0)).isEqualTo("n2 [27,40], n8 [57,62]");
    assertThat(timeline(schedule, 1)).isEqualTo("n4 [18,26], n6 [26,42], n9 [56,68], n10 [73,80]");
    assertThat(timeline(schedule, 2)).isEqualTo("n1 [0,9], n3 [9,28], n5 [28,38], n7 [38,49]");
  }

  @Test
  void HEFT_gives_a_valid_schedule_on_the_PEFT_paper_graph() {
    HeterogeneousDag dag = DagCsv.load(DagCsv.PEFT_PAPER_GRAPH);

    assertThat(ScheduleValidity.violations(dag, Heft.schedule(dag))).isEmpty();
  }

  @Test
  void a_task_fills_an_idle_gap_left_on_a_processor_when_it_fits_there() {
    // n1 runs on P1 [0,1]; n2 waits 5 for n1's data and runs on P2 [6,8], leaving P2 idle
    // over [0,6]. n3, ranked last, fits that gap: [0,3] rather than [8,11] after n2.
    HeterogeneousDag dag = new HeterogeneousDag(
        new double[][] {{1, 100}, {100, 2}, {60, 3}},
        new double[][] {{0, 5, 0}, {0, 0, 0}, {0, 0, 0}},
        new double[][] {{0, 1}, {1, 0}});

    DagSchedule schedule = Heft.schedule(dag);

    assertThat(timeline(schedule, 1)).isEqualTo("n3 [0,3], n2 [6,8]");
    assertThat(ScheduleValidity.violations(dag, schedule)).isEmpty();
  }

  @Test
  void a_graph_without_tasks_has_an_empty_schedule() {
    DagSchedule schedule = Heft.schedule(new HeterogeneousDag(new double[0][], new double[0][], new double[][] {{0}}));

    assertThat(schedule.slots()).isEmpty();
    assertThat(schedule.makespan()).isZero();
  }

  /** One processor's tasks in the paper's notation: "n2 [27,40], n8 [57,62]". */
  static String timeline(DagSchedule schedule, int processor) {
    return schedule.onProcessor(processor).stream()
        .map(s -> HeterogeneousDag.taskName(s.task()) + " [" + number(s.start()) + "," + number(s.finish()) + "]")
        .collect(Collectors.joining(", "));
  }

  private static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
