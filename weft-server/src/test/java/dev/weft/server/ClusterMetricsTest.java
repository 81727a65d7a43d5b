package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.server.api.auth.Tokens;
import dev.weft.server.runtime.TestDb;
import dev.weft.server.scheduling.SchedulingSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code /metrics} with the scheduler: the tasks not ended by status, each queue's pending,
 * delayed and holding tasks and what they hold, the nodes by state with their capacity, and this
 * server's scheduler counters, on a real server with one node of 2 cpus: three 1-cpu tasks in
 * {@code root.batch} (two fit), one delayed task in {@code root.prod}.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ClusterMetricsTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void the_cluster_census_and_the_scheduler_counters_are_in_the_prometheus_text(TestDb db) throws Exception {
    try (RunningServer s = RunningServer.startScheduling(db, dir, Tokens.none(),
        SchedulingSettings.withNodeTimeout("metrics-test", Duration.ofSeconds(60)))) {
      Http http = s.http();
      long version = http.get("/api/v1/queues", null).json().path("version").asLong();
      Http.Reply tree = http.send("PUT", "/api/v1/queues?version=" + version, null, "application/yaml", """
          name: root
          children:
            - name: prod
            - name: batch
          """);
      assertThat(tree.status()).as(tree.text()).isEqualTo(200);
      http.joined(null, "{\"name\": \"n1\", \"topology\": \"eu/a/r1\", \"capacity\": {\"cpuMillis\": 2000,"
          + " \"memoryMiB\": 1024}}");
      assertThat(http.postJson("/api/v1/jobs", null, "{\"id\":\"b\",\"count\":3,\"task\":{\"queue\":\"root.batch\","
          + "\"resources\":{\"cpu\":1,\"memory\":\"256Mi\"},\"run\":{\"command\":\"true\"}}}").status()).isEqualTo(201);
      assertThat(http.postJson("/api/v1/jobs", null, "{\"id\":\"later\",\"delay\":\"1d\","
          + "\"task\":{\"queue\":\"root.prod\",\"run\":{\"command\":\"true\"}}}").status()).isEqualTo(201);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (batchHolding(http) < 2 && System.nanoTime() < deadline) { // the two that fit are placed
        Thread.sleep(50);
      }

      List<String> samples = samples(http.get("/metrics", null).text());
      assertThat(samples).contains(
          "weft_tasks{status=\"PLACED\"} 2.0",
          "weft_tasks{status=\"PENDING\"} 2.0",
          "weft_tasks{status=\"RUNNING\"} 0.0",
          "weft_queue_pending_tasks{queue=\"root.batch\"} 1.0",
          "weft_queue_holding_tasks{queue=\"root.batch\"} 2.0",
          "weft_queue_used_cpu_cores{queue=\"root.batch\"} 2.0",
          "weft_queue_used_memory_bytes{queue=\"root.batch\"} 5.36870912E8",
          "weft_queue_delayed_tasks{queue=\"root.prod\"} 1.0",
          "weft_queue_pending_tasks{queue=\"root.prod\"} 0.0",
          "weft_queue_holding_tasks{queue=\"root\"} 2.0",
          "weft_nodes{state=\"UP\"} 1.0",
          "weft_nodes{state=\"DOWN\"} 0.0",
          "weft_nodes_capacity_cpu_cores{state=\"UP\"} 2.0",
          "weft_nodes_capacity_memory_bytes{state=\"UP\"} 1.073741824E9",
          "weft_scheduler_leader 1.0",
          "weft_scheduler_placements_total 2.0",
          "weft_scheduler_nodes_down_total 0.0");
      assertThat(samples).anyMatch(l -> l.matches("weft_scheduler_rounds_seconds_count [1-9][0-9]*"));
      assertThat(samples).noneMatch(l -> l.startsWith("weft_queue_pending_tasks{queue=\"root.default\""))
          .as("the default tree's leaf is gone with the tree applied over it");
    }
  }

  /** The tasks holding resources in root.batch, as GET /api/v1/queues says. */
  private static int batchHolding(Http http) {
    for (var line : http.get("/api/v1/queues", null).json().path("queues")) {
      if (line.path("path").asText().equals("root.batch")) {
        return line.path("holding").asInt();
      }
    }
    return 0;
  }

  private static List<String> samples(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isEmpty() && !line.startsWith("#")) {
        out.add(line);
      }
    }
    return out;
  }
}
