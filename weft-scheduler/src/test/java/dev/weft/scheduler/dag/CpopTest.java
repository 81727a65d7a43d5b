package dev.weft.scheduler.dag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CpopTest {

  @Test
  void CPOP_finishes_the_HEFT_paper_graph_at_86() {
    HeterogeneousDag dag = DagCsv.load(DagCsv.HEFT_PAPER_GRAPH);
    DagSchedule schedule = Cpop.schedule(dag);

    assertThat(schedule.makespan()).isEqualTo(86);
    assertThat(ScheduleValidity.violations(dag, schedule)).isEmpty();
  }

  @Test
  void the_critical_path_of_the_HEFT_paper_graph_is_n1_n2_n9_n10_and_all_of_it_runs_on_P2() {
    HeterogeneousDag dag = DagCsv.load(DagCsv.HEFT_PAPER_GRAPH);
    double[] priority = Cpop.priorities(dag);
    List<Integer> criticalPath = Cpop.criticalPath(dag, priority);
    DagSchedule schedule = Cpop.schedule(dag);

    assertThat(criticalPath).containsExactly(0, 1, 8, 9);
    assertThat(Cpop.criticalPathProcessor(dag, criticalPath)).isEqualTo(1);
    criticalPath.forEach(t -> {
      assertThat(priority[t]).as("priority of the critical task " + HeterogeneousDag.taskName(t))
          .isCloseTo(108, within(1e-9));
      assertThat(schedule.slot(t).processor()).isEqualTo(1);
    });
  }

  @Test
  void CPOP_gives_a_valid_schedule_on_the_PEFT_paper_graph() {
    HeterogeneousDag dag = DagCsv.load(DagCsv.PEFT_PAPER_GRAPH);

    assertThat(ScheduleValidity.violations(dag, Cpop.schedule(dag))).isEmpty();
  }
}
