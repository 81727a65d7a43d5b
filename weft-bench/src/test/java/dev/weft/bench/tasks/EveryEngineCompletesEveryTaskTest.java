package dev.weft.bench.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A tiny run of {@code weft bench tasks} on the test PostgreSQL: every engine completes every task,
 * the JSON has the documented shape, and the schemas are dropped after. Nothing here is timed.
 */
class EveryEngineCompletesEveryTaskTest {
  static final String DB = System.getProperty("weft.test.postgres", TasksBench.DEFAULT_DB);

  @Test
  void aSmallRunCompletesEveryTaskOnEveryEngineAndReportsTheShape() throws Exception {
    assumeThat(reachable()).as("PostgreSQL at " + DB + " is unreachable, skipping").isTrue();
    List<String> before = benchSchemas();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    TasksReport report = new TasksBench(new TasksBench.Settings(DB, 60, 50, 1, true, TasksBench.ENGINES),
        new PrintStream(log, true, StandardCharsets.UTF_8)).run();

    JsonNode json = new ObjectMapper().valueToTree(report.json());
    assertThat(json.get("benchmark").asText()).isEqualTo("tasks");
    assertThat(json.get("results")).hasSize(3);
    for (JsonNode r : json.get("results")) {
      assertThat(r.get("engine").asText()).isIn("weft", "db-scheduler", "jobrunr");
      assertThat(r.get("completed").asInt()).as("%s completed every task (log: %s)", r, log).isEqualTo(60);
      assertThat(r.get("workload").asText()).isEqualTo("60 no-op tasks");
      assertThat(r.get("perSecond").isNumber()).isTrue();
      assertThat(r.has("notMeasured")).isFalse();
    }
    assertThat(json.get("ratios").get("weft/db-scheduler").isNumber()).isTrue();
    assertThat(json.get("ratios").get("weft/jobrunr").isNumber()).isTrue();
    JsonNode latency = json.get("latency");
    assertThat(latency.get("tasks").asInt()).as("paced tasks, each with a start").isEqualTo(50);
    assertThat(latency.get("p50Millis").asLong()).isNotNegative();
    assertThat(latency.get("p99Millis").asLong()).isGreaterThanOrEqualTo(latency.get("p50Millis").asLong());
    assertThat(report.allMeasured()).isTrue();
    assertThat(benchSchemas()).as("each engine's schema is dropped").isEqualTo(before);
  }

  @Test
  void aWarmUpRunsFirstOnSchemasOfItsOwnAndIsNotReported() throws Exception {
    assumeThat(reachable()).as("PostgreSQL at " + DB + " is unreachable, skipping").isTrue();
    List<String> before = benchSchemas();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    TasksReport report = new TasksBench(new TasksBench.Settings(DB, 30, 50, 1, true, List.of("weft", "db-scheduler"), 20),
        new PrintStream(log, true, StandardCharsets.UTF_8)).run();

    String logged = log.toString(StandardCharsets.UTF_8);
    assertThat(logged).contains("weft warm-up: 20 of 20 tasks", "dbscheduler warm-up: 20 of 20 tasks");
    JsonNode json = new ObjectMapper().valueToTree(report.json());
    assertThat(json.get("warmupTasks").asInt()).isEqualTo(20);
    assertThat(json.get("results")).hasSize(2);
    for (JsonNode r : json.get("results")) {
      assertThat(r.get("completed").asInt()).as("%s (log: %s)", r, logged).isEqualTo(30);
    }
    assertThat(report.allMeasured()).isTrue();
    assertThat(benchSchemas()).as("the warm-up schemas are dropped too").isEqualTo(before);
  }

  @Test
  void eachEngineCanRunInAJvmOfItsOwnAndItsFiguresComeBack() throws Exception {
    assumeThat(reachable()).as("PostgreSQL at " + DB + " is unreachable, skipping").isTrue();
    List<String> before = benchSchemas();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    TasksReport report = new TasksBench(new TasksBench.Settings(DB, 30, 50, 1, true, List.of("weft", "db-scheduler"),
        10, true), new PrintStream(log, true, StandardCharsets.UTF_8)).run();

    String logged = log.toString(StandardCharsets.UTF_8);
    assertThat(logged).contains("weft: in a JVM of its own", "db-scheduler: in a JVM of its own",
        "weft warm-up: 10 of 10 tasks", "dbscheduler warm-up: 10 of 10 tasks");
    JsonNode json = new ObjectMapper().valueToTree(report.json());
    assertThat(json.get("jvm").asText()).isEqualTo("one per engine");
    assertThat(json.get("results")).hasSize(2);
    for (JsonNode r : json.get("results")) {
      assertThat(r.get("completed").asInt()).as("%s (log: %s)", r, logged).isEqualTo(30);
      assertThat(r.get("cpu").get("jvmMicrosPerTask").asDouble()).as("the forked JVM's own CPU").isPositive();
    }
    assertThat(json.get("ratios").get("weft/db-scheduler").isNumber()).isTrue();
    assertThat(json.get("latency").get("tasks").asInt()).as("Weft's paced run, from its JVM").isEqualTo(50);
    assertThat(report.allMeasured()).isTrue();
    assertThat(benchSchemas()).as("the forked JVMs drop their schemas").isEqualTo(before);
  }

  @Test
  void aForkedJvmWithoutAReportIsNotMeasuredAndSaysWhy() {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    ForkedEngine fork = new ForkedEngine(new TasksBench.Settings(DB, 30, 50, 1, true, List.of("jobrunr"), 0),
        new PrintStream(log, true, StandardCharsets.UTF_8));
    ForkedEngine.Result r = fork.parse("Exception in thread main", 1);
    assertThat(r.throughput().measured()).isFalse();
    assertThat(r.throughput().failure()).contains("exited 1 without a report");
    assertThat(fork.command()).contains("--same-jvm", "--engine", "jobrunr", "dev.weft.bench.BenchCommand");
  }

  @Test
  void anEnginesFiguresReadBackFromTheJsonAreTheSame() throws Exception {
    Throughput t = new Throughput("db-scheduler", 20_000, 20_000, 4.321, "10 threads", null)
        .withCpu(new CpuMeter.Used(4.0, 3.0, null));
    Latency l = new Latency(1000, 10, 9.91, 10_000, 26, 61, 85, null);
    TasksReport report = new TasksReport(new TasksBench.Settings(DB, 20_000, 1000, 10, false, List.of("weft")),
        List.of(t), l);
    JsonNode json = new ObjectMapper().valueToTree(report.json());
    Throughput back = TasksReport.throughputOf(json.get("results").get(0));
    assertThat(back.perSecond()).isCloseTo(t.perSecond(), org.assertj.core.data.Offset.offset(0.01));
    assertThat(back.cpu().jvmMicrosPerTask(20_000)).isCloseTo(200.0, org.assertj.core.data.Offset.offset(0.01));
    assertThat(back.cpu().postgresMicrosPerTask(20_000)).isCloseTo(150.0, org.assertj.core.data.Offset.offset(0.01));
    assertThat(TasksReport.latencyOf(json.get("latency"))).isEqualTo(l);
    Throughput failed = TasksReport.throughputOf(new ObjectMapper().valueToTree(new TasksReport(report.settings(),
        List.of(new Throughput("weft", 10, 3, 1, "s", "only 3 of 10")), Latency.failed(1000, 10, "not run")).json())
        .get("results").get(0));
    assertThat(failed.failure()).isEqualTo("only 3 of 10");
  }

  @Test
  void percentilesAreNearestRank() {
    long[] values = {5, 1, 4, 2, 3, 10, 9, 8, 7, 6};
    Latency l = Latency.of(1000, 1, 1.0, values);
    assertThat(l.p50Millis()).isEqualTo(5);
    assertThat(l.p99Millis()).isEqualTo(10);
    assertThat(Latency.rank(new long[] {7}, 99)).isEqualTo(7);
    assertThat(l.paceHeld()).isTrue();
    assertThat(Latency.of(1000, 1, 2.0, values).paceHeld()).isFalse();
  }

  private static boolean reachable() {
    try (Connection c = DriverManager.getConnection(DB)) {
      return c.isValid(5);
    } catch (SQLException e) {
      return false;
    }
  }

  private static List<String> benchSchemas() throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(DB);
         ResultSet rs = c.createStatement().executeQuery(
             "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'bench\\_%' ORDER BY nspname")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
