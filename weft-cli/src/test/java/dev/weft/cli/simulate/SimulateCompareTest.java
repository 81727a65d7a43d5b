package dev.weft.cli.simulate;

import static dev.weft.cli.WeftRun.workload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.cli.WeftRun;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code weft simulate compare}: several configurations on one workload, side by side. */
class SimulateCompareTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<String> configsOf(JsonNode results) {
    return StreamSupport.stream(results.spliterator(), false)
        .map(r -> r.get("engine").asText() + ":" + r.get("policy").asText() + "/" + r.get("backfill").asText())
        .toList();
  }

  @Test
  void withoutAProtocolFcfsAndSjfRunUnderEveryBackfillModeOnTheCluster() throws Exception {
    WeftRun run = WeftRun.of("simulate", "compare", "--workload", workload("fcfs-long-first.csv"), "--cluster", "cpus=1",
        "--json");

    assertThat(run.exitCode()).isZero();
    JsonNode results = JSON.readTree(run.out()).get("results");
    assertThat(configsOf(results)).containsExactly("weft:fcfs/none", "weft:fcfs/easy", "weft:fcfs/conservative",
        "weft:fcfs/easy++", "weft:sjf/none", "weft:sjf/easy", "weft:sjf/conservative", "weft:sjf/easy++");
    assertThat(results.get(0).get("avgWait").asDouble()).isEqualTo(17.0);
    assertThat(results.get(4).get("avgWait").asDouble()).as("Silberschatz's SJF").isEqualTo(3.0);
    assertThat(results.get(3).get("prediction").asText()).isEqualTo("last-two-mean");
  }

  @Test
  void configsChooseTheRowsInTheirOrderAndTheTableShowsThemSideBySide() {
    WeftRun run = WeftRun.of("simulate", "compare", "--workload", workload("fcfs-long-first.csv"), "--cluster", "cpus=1",
        "--configs", "sjf/easy/recent-max,fcfs/none");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines().filter(l -> l.startsWith("weft "))).hasSize(2).first().asString()
        .contains("sjf").contains("recent-max");
  }

  @Test
  void underTheProtocolThePapersHeuristicsSitNextToWeftsPlanner() throws Exception {
    WeftRun run = WeftRun.of("simulate", "compare", "--workload", SharedTraces.path("lublin_256.swf"), "--protocol",
        "rlscheduler", "--configs", "fcfs/none,f1/easy,weft:sjf/easy/recent-max", "--json");

    assertThat(run.exitCode()).isZero();
    JsonNode results = JSON.readTree(run.out()).get("results");
    assertThat(configsOf(results)).containsExactly("paper:fcfs/none", "paper:f1/easy", "weft:sjf/easy");
    assertThat(Math.round(results.get(0).get("avgBoundedSlowdown").asDouble() * 100) / 100.0).isEqualTo(7273.77);
    assertThat(Math.round(results.get(1).get("avgBoundedSlowdown").asDouble() * 100) / 100.0).isEqualTo(75.07);
    assertThat(results.get(2).get("avgBoundedSlowdown").asDouble()).isLessThan(58.64);
    assertThat(results.get(2).get("sequences")).hasSize(10);
  }

  @Test
  void theDefaultSetUnderTheProtocolIsTheTablesTenHeuristicsThenWeftsBackfilling() {
    List<String> configs = CompareConfigs.protocolDefaults().stream()
        .map(c -> c.engine().wire() + ":" + c.policy().wire() + "/" + c.backfill().wire()).toList();

    assertThat(configs).startsWith("paper:fcfs/none", "paper:wfp3/none", "paper:unicep/none", "paper:sjf/none",
        "paper:f1/none", "paper:fcfs/easy").contains("weft:fcfs/easy", "weft:fcfs/conservative", "weft:fcfs/easy++");
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of("an item without a backfill", List.of("--configs", "fcfs"), "expected [paper:|weft:]POLICY/BACKFILL"),
        Arguments.of("an unknown policy", List.of("--configs", "lifo/none"), "--configs 'lifo/none': unknown policy"),
        Arguments.of("an unknown backfill", List.of("--configs", "fcfs/greedy"), "'greedy' is not one of"),
        Arguments.of("the paper's engine without the protocol", List.of("--configs", "paper:fcfs/none"),
            "the paper's engine needs --protocol rlscheduler"),
        Arguments.of("Weft's backfilling on the paper's engine",
            List.of("--protocol", "rlscheduler", "--configs", "fcfs/conservative"),
            "--configs 'fcfs/conservative': backfill 'conservative': the paper's engine has none and easy"),
        Arguments.of("no workload", List.of(), "--workload"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void aMistakeIsOneLineWithExitCodeTwo(String mistake, List<String> options, String expected) {
    List<String> args = new ArrayList<>(List.of("simulate", "compare"));
    if (!mistake.equals("no workload")) {
      args.addAll(List.of("--workload", workload("tiny.swf")));
    }
    args.addAll(options);

    WeftRun run = WeftRun.of(args.toArray(String[]::new));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).singleElement().asString().startsWith("weft: ").contains(expected);
    assertThat(run.out()).isEmpty();
  }
}
