package dev.weft.cli.simulate;

import static dev.weft.cli.WeftRun.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.cli.WeftRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Replaying WfFormat workflow instances. {@code fork-join.json}: split (2 s), then workers of
 * 6, 8 and 10 s listed shortest first, then join (1 s), recorded at 30 s on one 2-core machine:
 * critical path 13 s, total work 27 CPU-s, lower bound on 2 CPUs 13.5 s.
 */
class SimulateWorkflowTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aJsonInstanceIsRecognisedAndReplaysOnItsRecordedMachinesWithItsBounds() throws Exception {
    JsonNode json = simulate("--workload", workload("fork-join.json"), "--policy", "critical-path");

    assertThat(json.get("format").asText()).isEqualTo("wfformat");
    assertThat(json.get("cluster").asText()).isEqualTo("1 node, 2 CPUs");
    assertThat(json.get("jobs").asInt()).isEqualTo(5);
    assertThat(json.get("makespan").asDouble()).as("w10 and w8 first, w6 after w8, join at 16").isEqualTo(17.0);
    assertThat(json.get("criticalPath").asDouble()).isEqualTo(13.0);
    assertThat(json.get("totalWork").asDouble()).isEqualTo(27.0);
    assertThat(json.get("lowerBound").asDouble()).isEqualTo(13.5);
    assertThat(json.get("makespanOverLowerBound").asDouble()).isCloseTo(17 / 13.5, within(1e-9));
    assertThat(json.get("tightSlots").asInt()).isEqualTo(2);
    assertThat(json.get("recordedMakespan").asDouble()).isEqualTo(30.0);
    assertThat(json.get("makespanOverRecorded").asDouble()).isCloseTo(17 / 30.0, within(1e-9));
  }

  @Test
  void arrivalOrderRunsTheShortWorkersFirstAndEndsLater() throws Exception {
    assertThat(simulate("--workload", workload("fork-join.json"), "--policy", "fcfs").get("makespan").asDouble())
        .isEqualTo(19.0);
    assertThat(simulate("--workload", workload("fork-join.json"), "--policy", "dag-lookahead").get("makespan")
        .asDouble()).isEqualTo(17.0);
  }

  @Test
  void aGivenClusterReplacesTheRecordedMachinesAndMovesTheBound() throws Exception {
    JsonNode json = simulate("--workload", workload("fork-join.json"), "--cluster", "nodes=3,cpus=1",
        "--policy", "critical-path");

    assertThat(json.get("cluster").asText()).isEqualTo("3 nodes, 3 CPUs");
    assertThat(json.get("makespan").asDouble()).isEqualTo(13.0);
    assertThat(json.get("lowerBound").asDouble()).as("the critical path dominates").isEqualTo(13.0);
  }

  @Test
  void theTextReportShowsTheBoundsAndTheRecordedMakespan() {
    WeftRun run = WeftRun.of("simulate", "--workload", workload("fork-join.json"), "--policy", "critical-path");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("critical path").contains("13.0 s").contains("makespan / bound 1.259")
        .contains("tight cluster: cpus=2").contains("recorded makespan").contains("makespan / recorded 0.567");
  }

  @Test
  void aTruncatedInstanceIsOneLineNamingFileAndLine() {
    String file = workload("truncated-workflow.json");
    WeftRun run = WeftRun.of("simulate", "--workload", file);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).contains(file + ":8:76: ").contains("invalid JSON: Unexpected end-of-input");
  }

  @Test
  void aCsvWorkloadWithDependenciesAlsoGetsItsBoundsButNoRecordedMakespan() throws Exception {
    Path csv = Files.createTempFile("dag", ".csv");
    Files.writeString(csv, "id,submit,runtime,deps\na,0,4,\nb,0,3,a\nc,0,2,a\n");
    JsonNode json = simulate("--workload", csv.toString(), "--cluster", "cpus=1");

    assertThat(json.get("criticalPath").asDouble()).isEqualTo(7.0);
    assertThat(json.get("lowerBound").asDouble()).isEqualTo(9.0);
    assertThat(json.has("recordedMakespan")).isFalse();
    Files.delete(csv);
  }

  @Test
  void theTightClusterReplayOfBlastReproducesTheDocumentedRatios() throws Exception {
    Path blast = Path.of(System.getProperty("weft.shared", "../shared"), "data", "wfinstances",
        "blast-chameleon-small-001.json");
    Assumptions.assumeTrue(Files.isRegularFile(blast), "wfinstances absent (shared data not present): " + blast);

    JsonNode json = simulate("--workload", blast.toString(), "--cluster", "cpus=37", "--policy", "critical-path");

    assertThat(json.get("tightSlots").asInt()).isEqualTo(37);
    assertThat(json.get("makespanOverLowerBound").asDouble()).isCloseTo(1.760, within(0.0005));
  }

  private static JsonNode simulate(String... args) throws Exception {
    String[] all = new String[args.length + 2];
    all[0] = "simulate";
    System.arraycopy(args, 0, all, 1, args.length);
    all[all.length - 1] = "--json";
    WeftRun run = WeftRun.of(all);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return JSON.readTree(run.out());
  }
}
