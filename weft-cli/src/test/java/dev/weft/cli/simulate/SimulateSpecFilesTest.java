package dev.weft.cli.simulate;

import static dev.weft.cli.WeftRun.workload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.cli.WeftRun;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code --cluster FILE} and {@code --queues FILE}: YAML specs read by the model's codecs. */
class SimulateSpecFilesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aClusterFileDescribesTheNodes() throws Exception {
    WeftRun run = WeftRun.of("simulate", "--workload", workload("two-queues.csv"),
        "--cluster", workload("two-racks-cluster.yaml"), "--json");

    assertThat(run.exitCode()).isZero();
    assertThat(JSON.readTree(run.out()).get("cluster").asText()).isEqualTo("5 nodes, 64 CPUs");
  }

  @Test
  void aQueueFileGivesTheTreeWithEachLeafsPolicyAndSrtfTurnsOnSrtfPreemption() throws Exception {
    WeftRun run = WeftRun.of("simulate", "--workload", workload("interactive-and-batch.csv"), "--cluster", "cpus=2",
        "--queues", queues("srtf-and-fcfs.yaml"), "--json");

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.get("policy").asText()).isEqualTo("srtf,fcfs");
    assertThat(json.get("preemption").asText()).isEqualTo("srtf");
    assertThat(json.get("queueTree").asText()).endsWith("srtf-and-fcfs.yaml");
    assertThat(json.get("queues").fieldNames()).toIterable().containsExactlyInAnyOrder("root.interactive", "root.batch");
    assertThat(json.get("jobs").asInt()).isEqualTo(5);
  }

  @Test
  void policyAndQueuesExcludeEachOther() {
    WeftRun run = WeftRun.of("simulate", "--workload", workload("interactive-and-batch.csv"), "--cluster", "cpus=2",
        "--queues", queues("srtf-and-fcfs.yaml"), "--policy", "sjf");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).singleElement().asString().contains("--policy and --queues exclude each other");
  }

  @Test
  void aWorkloadQueueThatIsNotALeafOfTheQueueFileIsAUsageError() {
    WeftRun run = WeftRun.of("simulate", "--workload", workload("fcfs-long-first.csv"), "--cluster", "cpus=2",
        "--queues", queues("srtf-and-fcfs.yaml"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).singleElement().asString()
        .contains("queue 'root.default' is not a leaf of").contains("(leaves: root.interactive, root.batch)");
  }

  @Test
  void aQueueFileWithSeveralProblemsShowsTheFirstOnOneLineAndCountsTheRest() {
    WeftRun run = WeftRun.of("simulate", "--workload", workload("interactive-and-batch.csv"), "--cluster", "cpus=2",
        "--queues", queues("broken.yaml"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).singleElement().asString().startsWith("weft: ").contains("broken.yaml:")
        .containsPattern("\\(and \\d+ more problems\\)");
    assertThat(run.err()).doesNotContain("Exception");
  }

  private static String queues(String name) {
    try {
      return Path.of(SimulateSpecFilesTest.class.getResource("/queues/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
