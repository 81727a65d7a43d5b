package dev.weft.cli.simulate;

import static dev.weft.cli.WeftRun.workload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.cli.WeftRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** {@code weft simulate --format openb}: the GPU placement replay. */
class SimulateGpuTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PODS = workload("openb_pod_list_tiny.csv");
  private static final String NODES = workload("openb_nodes_tiny.csv");

  @Test
  void inTraceOrderEveryPodIsPlacedAndTheCurveEndsAtTheTracesDemand() throws Exception {
    WeftRun run = WeftRun.of("simulate", "--workload", PODS, "--cluster", NODES, "--arrival", "trace",
        "--placement", "best-fit", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.get("policy").asText()).isEqualTo("best-fit");
    assertThat(json.get("format").asText()).isEqualTo("openb");
    assertThat(json.get("gpus").asInt()).isEqualTo(3);
    assertThat(json.get("arrival").asText()).isEqualTo("trace");
    assertThat(json.get("unplacedPerRun").asDouble()).isZero();
    assertThat(json.get("allocationAt100").isNull()).as("2500 of 3000 milli arrive: 83%").isTrue();
    JsonNode curve = json.get("curve");
    assertThat(curve).hasSize(84);
    assertThat(curve.get(83).get("allocation").asDouble()).isCloseTo(83.33, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void severalPoliciesUnderTheFgdProtocolGiveOneResultEach() throws Exception {
    WeftRun run = WeftRun.of("simulate", "--workload", PODS, "--format", "openb", "--cluster", NODES,
        "--placement", "weft-default,frag-aware", "--seeds", "1-3", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.get("seeds")).hasSize(3);
    assertThat(json.get("inflation").asDouble()).isEqualTo(1.3);
    assertThat(json.get("results")).extracting(r -> r.get("policy").asText()).containsExactly("weft-default", "frag-aware");
    assertThat(json.get("results").get(1).get("allocationAt100PerSeed")).hasSize(3);
  }

  @Test
  void theTableShowsEachPolicyAtAFewDemandLevels() {
    WeftRun run = WeftRun.of("simulate", "--workload", PODS, "--cluster", NODES, "--seeds", "7");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("GPU allocation ratio").contains("weft-default").contains("100%");
  }

  @Test
  void gpuOptionsOnAnotherWorkloadAndBadValuesAreUsageErrors() {
    WeftRun swf = WeftRun.of("simulate", "--workload", workload("tiny.swf"), "--placement", "best-fit");
    assertThat(swf.exitCode()).isEqualTo(2);
    assertThat(swf.err()).contains("--placement, --arrival and --seeds apply to GPU pod lists");

    WeftRun unknown = WeftRun.of("simulate", "--workload", PODS, "--cluster", NODES, "--placement", "tetris");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown placement policy 'tetris' (expected one of weft-default, best-fit, frag-aware)");

    WeftRun noCluster = WeftRun.of("simulate", "--workload", PODS);
    assertThat(noCluster.exitCode()).isEqualTo(2);
    assertThat(noCluster.err()).contains("needs --cluster");
  }

  @Test
  void theDefaultTraceWithOneSeed() throws Exception {
    Path pods = Path.of(System.getProperty("weft.shared", "../shared"), "data/alibaba-openb-gpu-2023/openb_pod_list_default.csv");
    Path nodes = pods.resolveSibling("openb_node_list_gpu_node.csv");
    Assumptions.assumeTrue(Files.exists(pods), "shared data absent: " + pods);
    WeftRun run = WeftRun.of("simulate", "--workload", pods.toString(), "--format", "openb", "--cluster",
        nodes.toString(), "--placement", "best-fit", "--seeds", "42", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.get("cluster").asText()).isEqualTo("1213 nodes, 6212 GPUs");
    assertThat(json.get("allocationAt100").asDouble()).isBetween(91.0, 95.0);
    assertThat(json.get("curve")).hasSize(131);
  }
}
