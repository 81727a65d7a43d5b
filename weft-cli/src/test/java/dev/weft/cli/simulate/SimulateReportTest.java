package dev.weft.cli.simulate;

import static dev.weft.cli.WeftRun.workload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.cli.WeftRun;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class SimulateReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void reportWritesOneHtmlFileWithTheFiguresAndChartsAndStdoutStillCarriesTheJson() throws Exception {
    Path file = dir.resolve("run.html");

    WeftRun run = WeftRun.of("simulate", "--workload", workload("fcfs-long-first.csv"), "--cluster", "cpus=1",
        "--json", "--report", file.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().strip().lines()).hasSize(1);
    assertThat(JSON.readTree(run.out()).get("avgWait").asDouble()).isEqualTo(17.0);
    String html = Files.readString(file, StandardCharsets.UTF_8);
    Document doc = parse(html);
    assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength()).isEqualTo(3);
    assertThat(html).contains("Wait-time distribution").contains("Utilisation over time").contains("17.0 s")
        .contains("fcfs-long-first.csv").doesNotContain("Schedule");
  }

  @Test
  void aWorkflowsReportShowsItsScheduleWithTaskIdsEscaped() throws Exception {
    Path file = dir.resolve("flow.html");

    WeftRun run = WeftRun.of("simulate", "--workload", workload("workflow-with-markup.csv"), "--cluster",
        "nodes=2,cpus=1", "--report", file.toString());

    assertThat(run.exitCode()).isZero();
    String html = Files.readString(file, StandardCharsets.UTF_8);
    parse(html);
    assertThat(html).contains("<h2>Schedule</h2>").doesNotContain("<script").contains("&lt;script&gt;alert(1)");
  }

  @Test
  void theSameRunWritesTheSameBytes() throws Exception {
    Path a = dir.resolve("a.html");
    Path b = dir.resolve("b.html");

    WeftRun.of("simulate", "--workload", workload("two-queues.csv"), "--cluster", "cpus=2", "--report", a.toString());
    WeftRun.of("simulate", "--workload", workload("two-queues.csv"), "--cluster", "cpus=2", "--report", b.toString());

    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
  }

  @Test
  void aReportInAMissingDirectoryIsOneLineAndExitCodeTwoBeforeAnythingRuns() {
    WeftRun run = WeftRun.of("simulate", "--workload", workload("fcfs-long-first.csv"), "--cluster", "cpus=1",
        "--json", "--report", dir.resolve("no/such/dir/r.html").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).singleElement().asString().startsWith("weft: ").contains("--report")
        .contains("does not exist");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aReportPathThatIsADirectoryIsRefused() {
    WeftRun run = WeftRun.of("simulate", "--workload", workload("fcfs-long-first.csv"), "--cluster", "cpus=1",
        "--report", dir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).singleElement().asString().contains("is a directory");
  }

  @Test
  void aForcedProgressBarNeverTouchesStdoutAndAShortRunDrawsNothing() throws Exception {
    WeftRun run = WeftRun.of("simulate", "--workload", workload("fcfs-long-first.csv"), "--cluster", "cpus=1",
        "--json", "--progress");

    assertThat(run.exitCode()).isZero();
    assertThat(JSON.readTree(run.out()).get("jobs").asInt()).isEqualTo(3);
    assertThat(run.err()).isEmpty();
  }

  static Document parse(String html) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }
}
