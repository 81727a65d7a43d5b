package dev.weft.sim.report.runs;

import static dev.weft.sim.testing.Jobs.after;
import static dev.weft.sim.testing.Jobs.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.PolicyName;
import dev.weft.model.QueueSpec;
import dev.weft.sim.cluster.ClusterSpec;
import dev.weft.sim.engine.Simulator;
import dev.weft.sim.metrics.SimResult;
import dev.weft.sim.report.Num;
import dev.weft.sim.testing.InOrderPlanner;
import dev.weft.sim.testing.Xhtml;
import dev.weft.sim.workload.SimJob;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationReportTest {
  private static final String HOSTILE_ID = "<script>alert(1)</script>";

  @Test
  void theReportShowsTheSettingsTheFiguresTheWaitsAndTheUtilisation() {
    SimResult r = run("cpus=2", job("a", 0, 10), job("b", 0, 30), job("c", 0, 20));

    String html = SimulationReport.of(r, 2, "fcfs").setting("workload", "three.csv").toReport().toHtml();

    Xhtml doc = Xhtml.parse(html);
    assertThat(doc.texts("//*[local-name()='h2']")).isEqualTo("Run\nFigures\nWaits\nUtilisation\n");
    assertThat(doc.texts("//*[local-name()='td']")).contains("three.csv").contains("average wait")
        .contains(Num.seconds(r.avgWait())).contains(String.format(java.util.Locale.ROOT, "%.2f",
            r.avgBoundedSlowdown())).contains("root.default");
    assertThat(doc.count("//*[local-name()='svg']")).isEqualTo(3);
    assertThat(doc.texts("//*[local-name()='svg']/*[@class='title']"))
        .isEqualTo("Wait-time distribution\nWait-time histogram\nUtilisation over time\n");
  }

  @Test
  void aWorkflowGetsItsScheduleWithOneBarPerTaskAndItsIdsEscaped() {
    SimResult r = run("nodes=2,cpus=1", job("extract_001", 0, 10), after(HOSTILE_ID, 0, 5, "extract_001"),
        after("load_002", 0, 5, "extract_001"));

    String html = SimulationReport.of(r, 2, "critical-path").gantt(TaskGantt.BY_TYPE).toReport().toHtml();

    assertThat(html).doesNotContain("<script");
    Xhtml doc = Xhtml.parse(html);
    assertThat(doc.texts("//*[local-name()='h2']")).contains("Schedule");
    assertThat(doc.count("//*[@class='bars']/*[local-name()='rect']")).isEqualTo(3);
    assertThat(doc.texts("//*[@class='bars']//*[local-name()='title']")).contains(HOSTILE_ID + " on ");
    assertThat(doc.texts("//*[@class='legend']//*[local-name()='text']")).contains("extract").contains("load");
  }

  @Test
  void tasksThatNeverRanAreListed() {
    SimResult r = run("cpus=1", job("fits", 0, 1), job("huge", 0, 1, 4));

    String html = SimulationReport.of(r, 1, "fcfs").toReport().toHtml();

    assertThat(Xhtml.parse(html).texts("//*[local-name()='td']")).contains("huge").contains("rejected");
  }

  @Test
  void theSameRunGivesTheSameBytes() {
    SimResult r = run("nodes=3,cpus=2", job("a", 0, 10), job("b", 1, 30), after("c", 2, 20, "a"));

    assertThat(SimulationReport.of(r, 6, "x").gantt(TaskGantt.BY_QUEUE).toReport().toHtml())
        .isEqualTo(SimulationReport.of(r, 6, "x").gantt(TaskGantt.BY_QUEUE).toReport().toHtml());
  }

  @Test
  void aComparisonHasOneRowAndOneLinePerRunAndTheBestFiguresInBold() {
    SimResult slow = run("cpus=1", job("long", 0, 30), job("short", 0, 1));
    SimResult fast = run("cpus=1", job("short", 0, 1), job("long", 0, 30));

    String html = ComparisonReport.of("fcfs vs sjf", List.of(new LabelledResult("fcfs", slow),
        new LabelledResult("sjf", fast)), 1).setting("workload", "two jobs").toReport().toHtml();

    Xhtml doc = Xhtml.parse(html);
    assertThat(doc.count("//*[local-name()='tbody']")).isEqualTo(2);
    assertThat(doc.texts("//*[local-name()='tbody']/*[local-name()='tr']/*[local-name()='td'][1]"))
        .isEqualTo("workload\nfcfs\nsjf\n");
    assertThat(doc.texts("//*[local-name()='strong']")).contains(String.format(java.util.Locale.ROOT, "%.2f",
        fast.avgBoundedSlowdown()));
    assertThat(doc.texts("//*[local-name()='svg'][*[@class='title']='Wait-time distribution']"
        + "//*[@class='legend']//*[local-name()='text']")).isEqualTo("fcfs\nsjf\n");
    assertThat(doc.count("//*[local-name()='svg'][*[@class='title']='Utilisation over time']"
        + "//*[@class='series']")).isEqualTo(2);
  }

  @Test
  void aTaskTypeIsItsIdWithoutTrailingNumbers() {
    assertThat(TaskGantt.typeOf("split_fasta_00000001")).isEqualTo("split_fasta");
    assertThat(TaskGantt.typeOf("mProject_ID0000012")).isEqualTo("mProject");
    assertThat(TaskGantt.typeOf("P1")).isEqualTo("P1");
    assertThat(TaskGantt.typeOf("42")).isEqualTo("42");
  }

  private static SimResult run(String cluster, SimJob... jobs) {
    return new Simulator(new InOrderPlanner(), ClusterSpec.parse(cluster).nodes(), QueueSpec.defaultTree(PolicyName.FCFS))
        .run(List.of(jobs));
  }
}
