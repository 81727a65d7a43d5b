package dev.weft.cli.simulate;

import static dev.weft.cli.WeftRun.workload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cli.WeftRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --report} also works for {@code simulate compare} and for the GPU placement replay. */
class ReportsOfOtherRunsTest {
  @TempDir
  Path dir;

  @Test
  void aComparisonReportHasOneLinePerConfigurationInEveryChart() throws Exception {
    Path file = dir.resolve("compare.html");

    WeftRun run = WeftRun.of("simulate", "compare", "--workload", workload("sjf.csv"), "--cluster", "cpus=1",
        "--configs", "fcfs/none,sjf/none", "--report", file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    String html = Files.readString(file, StandardCharsets.UTF_8);
    SimulateReportTest.parse(html);
    assertThat(html).contains("weft fcfs/none").contains("weft sjf/none").contains("Wait-time distribution");
  }

  @Test
  void aGpuReplayReportDrawsTheAllocationCurveOfEachPolicyBesideThePublishedResults() throws Exception {
    Path file = dir.resolve("gpu.html");

    WeftRun run = WeftRun.of("simulate", "--workload", workload("openb_pod_list_tiny.csv"), "--cluster",
        workload("openb_nodes_tiny.csv"), "--arrival", "trace", "--placement", "weft-default,best-fit",
        "--report", file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    String html = Files.readString(file, StandardCharsets.UTF_8);
    SimulateReportTest.parse(html);
    assertThat(html).contains("GPU allocation ratio vs arrived GPU demand").contains("BestFit 92.86")
        .contains(">weft-default<").contains(">best-fit<");
  }
}
