package dev.weft.cli.simulate;

import static dev.weft.cli.WeftRun.workload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.cli.WeftRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Silberschatz CPU-scheduling examples through {@code weft simulate ... --json} on one CPU. */
class SimulateTextbookTest {
  @ParameterizedTest(name = "{0} under {1} waits {2} s on average")
  @CsvSource({
      "fcfs-long-first.csv,  fcfs,     17.0",
      "fcfs-short-first.csv, fcfs,     3.0",
      "sjf.csv,              sjf,      7.0",
      "srtf.csv,             srtf,     6.5",
      "priority.csv,         priority, 8.2",
  })
  void theAverageWaitIsTheTextbooks(String file, String policy, double avgWait) throws Exception {
    WeftRun run = WeftRun.of("simulate", "--workload", workload(file), "--cluster", "cpus=1", "--policy", policy, "--json");

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("avgWait").asDouble()).isEqualTo(avgWait);
    assertThat(json.get("jobs").asInt()).isPositive();
    assertThat(json.get("policy").asText()).isEqualTo(policy);
  }
}
