package dev.weft.cli.simulate;

import static dev.weft.cli.WeftRun.workload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.cli.WeftRun;
import org.junit.jupiter.api.Test;

class SimulateCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void jsonIsOneObjectWithTheFiguresTheCountsAndTheChoices() throws Exception {
    WeftRun run = WeftRun.of("simulate", "--workload", workload("fcfs-long-first.csv"), "--cluster", "cpus=1",
        "--backfill", "easy", "--json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().strip().lines()).hasSize(1);
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.fieldNames()).toIterable().contains("jobs", "avgWait", "avgTurnaround", "avgBoundedSlowdown",
        "makespan", "utilization", "maxWait", "skipped", "rejected", "queues", "policy", "backfill");
    assertThat(json.get("jobs").asInt()).isEqualTo(3);
    assertThat(json.get("makespan").asDouble()).isEqualTo(30.0);
    assertThat(json.get("utilization").asDouble()).isEqualTo(1.0);
    assertThat(json.get("policy").asText()).isEqualTo("fcfs");
    assertThat(json.get("backfill").asText()).isEqualTo("easy");
    assertThat(json.get("preemption").asText()).isEqualTo("none");
  }

  @Test
  void figuresAreGivenPerQueueOfTheWorkload() throws Exception {
    WeftRun run = WeftRun.of("simulate", "--workload", workload("two-queues.csv"), "--cluster", "cpus=2", "--json");

    assertThat(run.exitCode()).isZero();
    JsonNode queues = JSON.readTree(run.out()).get("queues");
    assertThat(queues.fieldNames()).toIterable().containsExactlyInAnyOrder("root.analytics.etl", "root.web");
    assertThat(queues.get("root.analytics.etl").get("jobs").asInt()).isEqualTo(2);
  }

  @Test
  void withoutJsonATableIsPrinted() {
    WeftRun run = WeftRun.of("simulate", "--workload", workload("fcfs-long-first.csv"), "--cluster", "cpus=1");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("average wait").contains("17.0 s").contains("root.default");
  }

  @Test
  void anSwfWorkloadRunsOnOneNodeOfItsMaxProcsByDefaultAndCountsSkippedJobs() throws Exception {
    WeftRun run = WeftRun.of("simulate", "--workload", workload("tiny.swf"), "--json");

    assertThat(run.exitCode()).isZero();
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.get("cluster").asText()).isEqualTo("1 node, 8 CPUs");
    assertThat(json.get("jobs").asInt()).isEqualTo(2);
    assertThat(json.get("skipped").asInt()).isEqualTo(1);
  }

  @Test
  void aPyssScenarioRunsOnTheHundredProcessorMachineByDefault() throws Exception {
    WeftRun run = WeftRun.of("simulate", "--workload", workload("tiny.pyss"), "--format", "pyss", "--json");

    assertThat(run.exitCode()).isZero();
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.get("cluster").asText()).isEqualTo("1 node, 100 CPUs");
    assertThat(json.get("makespan").asDouble()).isEqualTo(150.0);
  }

  @Test
  void jobsLargerThanTheClusterAreRejectedAndListed() throws Exception {
    WeftRun run = WeftRun.of("simulate", "--workload", workload("tiny.swf"), "--cluster", "cpus=4", "--json");

    assertThat(run.exitCode()).isZero();
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.get("rejected").asInt()).isEqualTo(1);
    assertThat(json.get("rejectedIds").get(0).asText()).isEqualTo("1");
  }
}
