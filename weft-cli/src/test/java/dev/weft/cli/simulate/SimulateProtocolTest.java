package dev.weft.cli.simulate;

import static dev.weft.cli.WeftRun.workload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.cli.WeftRun;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code weft simulate --protocol rlscheduler}: the paper's engine by default, Weft's with {@code --engine weft}. */
class SimulateProtocolTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void lublinOneUnderFcfsPrintsThePublishedAverageBoundedSlowdown() throws Exception {
    WeftRun run = WeftRun.of("simulate", "--workload", SharedTraces.path("lublin_256.swf"), "--protocol", "rlscheduler",
        "--policy", "fcfs", "--json");

    assertThat(run.exitCode()).isZero();
    JsonNode json = JSON.readTree(run.out());
    assertThat(Math.round(json.get("avgBoundedSlowdown").asDouble() * 100) / 100.0).isEqualTo(7273.77);
    assertThat(json.get("sequences")).hasSize(10);
    assertThat(json.get("jobs").asInt()).isEqualTo(10_240);
    assertThat(json.get("engine").asText()).isEqualTo("paper");
    assertThat(json.get("backfill").asText()).isEqualTo("none");
    assertThat(json.fieldNames()).toIterable().contains("avgWait", "avgTurnaround", "utilization", "makespan");
  }

  @Test
  void weftsEngineRunsWeftsPoliciesAndSaysWhichPredictionItUsed() throws Exception {
    WeftRun run = WeftRun.of("simulate", "--workload", SharedTraces.path("lublin_256.swf"), "--protocol", "rlscheduler",
        "--engine", "weft", "--policy", "sjf", "--backfill", "easy++", "--json");

    assertThat(run.exitCode()).isZero();
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.get("engine").asText()).isEqualTo("weft");
    assertThat(json.get("prediction").asText()).isEqualTo("last-two-mean");
    assertThat(json.get("avgBoundedSlowdown").asDouble()).isLessThan(58.64);
  }

  @Test
  void withoutJsonATableShowsTheAverageAndEverySequence() {
    WeftRun run = WeftRun.of("simulate", "--workload", SharedTraces.path("lublin_256.swf"), "--protocol", "rlscheduler",
        "--policy", "sjf", "--backfill", "easy");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("paper sjf, paper backfilling").contains("average bounded slowdown          73.31")
        .contains("69.87 55.17");
  }

  static Stream<Arguments> mistakes() {
    String swf = workload("tiny.swf");
    return Stream.of(
        Arguments.of("a Weft policy on the paper's engine", List.of(swf, "--policy", "srtf"),
            "policy 'srtf': the paper's engine has fcfs, sjf, wfp3, unicep and f1"),
        Arguments.of("Weft's backfilling on the paper's engine", List.of(swf, "--backfill", "conservative"),
            "backfill 'conservative': the paper's engine has none and easy"),
        Arguments.of("a prediction on the paper's engine", List.of(swf, "--prediction", "recent-max"),
            "predictions need --engine weft"),
        Arguments.of("a cluster", List.of(swf, "--cluster", "cpus=4"), "--cluster does not apply"),
        Arguments.of("a CSV workload", List.of(workload("sjf.csv")), "reads SWF traces"),
        Arguments.of("a trace too short for the sequences", List.of(swf), "needs at least 9874 jobs"),
        Arguments.of("an unknown engine", List.of(swf, "--engine", "rl"), "'rl' is not one of paper, weft"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void aMistakeIsOneLineWithExitCodeTwo(String mistake, List<String> options, String expected) {
    List<String> args = new ArrayList<>(List.of("simulate", "--protocol", "rlscheduler", "--workload"));
    args.addAll(options);

    WeftRun run = WeftRun.of(args.toArray(String[]::new));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).singleElement().asString().startsWith("weft: ").contains(expected);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anEngineWithoutTheProtocolIsAMistake() {
    WeftRun run = WeftRun.of("simulate", "--workload", workload("sjf.csv"), "--cluster", "cpus=1", "--engine", "weft");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--engine needs --protocol rlscheduler");
  }
}
