package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.model.Node;
import dev.weft.model.Resources;
import dev.weft.model.codec.Format;
import dev.weft.model.codec.SpecCodec;
import dev.weft.server.api.auth.Tokens;
import dev.weft.server.runtime.TestDb;
import dev.weft.store.NewNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs, tasks, nodes and queues through the API. No scheduler loop runs here, so tasks stay
 * pending: what the explanations and the queue counts say is what the planner sees.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiSchedulingTest {
  @TempDir
  static Path dir;
  static RunningServer server;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    server = RunningServer.start(TestDb.H2, dir, Tokens.none(), List.of());
    http = server.http();
    JsonNode node = new ObjectMapper().readTree(SpecCodec.writeNode(Node.of("n1", Resources.of(4000, 8192)), Format.JSON));
    server.server().database().nodes().register(new NewNode("n1", "r/z/k", node.path("capacity"),
        new ObjectMapper().createObjectNode(), new ObjectMapper().createArrayNode()), Instant.now());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void one_task_an_array_and_a_dag_are_submitted_read_and_cancelled() {
    Http.Reply one = http.postJson("/api/v1/jobs", null, "{\"id\":\"single\",\"task\":{\"resources\":{\"cpu\":1,\"memory\":\"256Mi\"}}}");
    assertThat(one.status()).as(one.text()).isEqualTo(201);
    assertThat(one.json().path("kind").asText()).isEqualTo("SINGLE");
    assertThat(one.json().path("tasks").get(0).path("id").asText()).isEqualTo("single");

    Http.Reply array = http.postJson("/api/v1/jobs", null,
        "{\"id\":\"arr\",\"name\":\"render\",\"count\":3,\"task\":{\"resources\":{\"cpu\":1}}}");
    assertThat(array.status()).as(array.text()).isEqualTo(201);
    assertThat(array.json().path("kind").asText()).isEqualTo("ARRAY");
    assertThat(array.json().has("tasks")).as("an array's answer counts its tasks without listing them").isFalse();
    assertThat(array.json().path("taskCount").asInt()).isEqualTo(3);
    assertThat(array.json().path("counts").path("PENDING").asInt()).isEqualTo(3);
    assertThat(ids(http.get("/api/v1/jobs/arr", null).json().path("tasks"))).containsExactly("arr/0", "arr/1", "arr/2");

    Http.Reply dag = http.postJson("/api/v1/jobs", null, "{\"id\":\"dag\",\"tasks\":["
        + "{\"id\":\"dag/a\",\"resources\":{\"cpu\":1}},{\"id\":\"dag/b\",\"resources\":{\"cpu\":1},\"dependsOn\":[\"dag/a\"]}]}");
    assertThat(dag.status()).as(dag.text()).isEqualTo(201);
    assertThat(dag.json().path("kind").asText()).isEqualTo("DAG");
    assertThat(dag.json().path("taskCount").asInt()).isEqualTo(2);
    assertThat(dag.json().path("counts").path("PENDING").asInt()).isEqualTo(2);

    List<String> listed = new ArrayList<>();
    http.get("/api/v1/jobs", null).json().path("items").forEach(j -> listed.add(j.path("id").asText()));
    assertThat(listed).contains("single", "arr", "dag");
    Http.Reply task = http.get("/api/v1/tasks/arr/1", null);
    assertThat(task.status()).as(task.text()).isEqualTo(200);
    assertThat(task.json().path("state").asText()).isEqualTo("PENDING");
    assertThat(task.json().path("jobId").asText()).isEqualTo("arr");

    Http.Reply cancel = http.send("POST", "/api/v1/jobs/arr/cancel", null, null, null);
    assertThat(cancel.status()).as(cancel.text()).isEqualTo(200);
    assertThat(cancel.json().path("counts").path("CANCELLED").asInt()).isEqualTo(3);
    assertThat(http.get("/api/v1/jobs/arr", null).json().path("tasks").findValuesAsText("state")).containsOnly("CANCELLED");
  }

  @Test
  @Order(1) // first: the other tests leave tasks pending that would take the node's 4 cpus
  void explain_says_why_a_task_waits() {
    http.postJson("/api/v1/jobs", null, "{\"id\":\"big\",\"task\":{\"resources\":{\"cpu\":64}}}");
    Http.Reply big = http.get("/api/v1/tasks/big/explain", null);
    assertThat(big.status()).as(big.text()).isEqualTo(200);
    assertThat(big.json().path("state").asText()).isEqualTo("PENDING");
    assertThat(big.json().path("summary").asText()).as(big.text()).contains("no node fits");
    assertThat(big.json().path("nodeRejections").toString()).as("the head of its queue: every node examined").contains("cpu");

    http.postJson("/api/v1/jobs", null, "{\"id\":\"chain\",\"tasks\":[{\"id\":\"chain/a\",\"resources\":{\"cpu\":64}},"
        + "{\"id\":\"chain/b\",\"resources\":{\"cpu\":1},\"dependsOn\":[\"chain/a\"]}]}");
    Http.Reply b = http.get("/api/v1/tasks/chain/b/explain", null);
    assertThat(b.json().path("summary").asText()).isEqualTo("waits for the tasks it depends on to succeed");
    assertThat(b.json().path("waitingFor").get(0).asText()).isEqualTo("chain/a (pending)");

    http.postJson("/api/v1/jobs", null, "{\"id\":\"small\",\"task\":{\"resources\":{\"cpu\":1}}}");
    assertThat(http.get("/api/v1/tasks/small/explain", null).json().path("summary").asText())
        .isEqualTo("fits now: the next scheduler round places it");
  }

  @Test
  void a_task_that_has_not_run_has_no_output_yet() {
    http.postJson("/api/v1/jobs", null, "{\"id\":\"logged\",\"task\":{\"resources\":{\"cpu\":1}}}");
    Http.Reply r = http.get("/api/v1/tasks/logged/logs", null);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    assertThat(r.json().path("chunks").size()).isZero();
    assertThat(r.json().path("next").toString()).isEqualTo("{\"stdout\":0,\"stderr\":0}");
    assertThat(r.json().path("complete").asBoolean()).isFalse();
    assertThat(http.get("/api/v1/tasks/nope/logs", null).status()).isEqualTo(404);
  }

  @Test
  void nodes_are_listed_cordoned_drained_and_put_back() {
    Http.Reply list = http.get("/api/v1/nodes", null);
    assertThat(list.json().path("items").get(0).path("id").asText()).isEqualTo("n1");
    assertThat(state("cordon")).isEqualTo("CORDONED");
    assertThat(state("uncordon")).isEqualTo("UP");
    assertThat(state("drain")).isEqualTo("DRAINING");
    assertThat(state("uncordon")).isEqualTo("UP");
    assertThat(http.send("POST", "/api/v1/nodes/nope/drain", null, null, null).status()).isEqualTo(404);
  }

  @Test
  void a_queue_tree_is_applied_read_with_usage_and_a_bad_one_is_refused_naming_the_line() {
    Http.Reply before = http.get("/api/v1/queues", null);
    assertThat(before.status()).isEqualTo(200);
    long version = before.json().path("version").asLong();
    String tree = """
        name: root
        children:
          - name: batch
            guarantee: "25%"
            max: "50%"
          - name: default
        """;
    Http.Reply put = http.send("PUT", "/api/v1/queues?version=" + version, null, "application/yaml", tree);
    assertThat(put.status()).as(put.text()).isEqualTo(200);
    assertThat(put.json().path("version").asLong()).isEqualTo(version + 1);
    http.postJson("/api/v1/jobs", null, "{\"id\":\"queued\",\"task\":{\"resources\":{\"cpu\":1},\"queue\":\"root.batch\"}}");
    JsonNode q = http.get("/api/v1/queues", null).json();
    JsonNode batch = null;
    for (JsonNode line : q.path("queues")) {
      if (line.path("path").asText().equals("root.batch")) {
        batch = line;
      }
    }
    assertThat(batch).as(q.toString()).isNotNull();
    assertThat(batch.path("pending").asInt()).isEqualTo(1);
    assertThat(batch.path("max").path("configured").asText()).isEqualTo("50.0%");
    assertThat(batch.path("max").path("resolved").path("cpuMillis").asLong()).isEqualTo(2000);

    Http.Reply stale = http.send("PUT", "/api/v1/queues?version=" + version, null, "application/yaml", tree);
    assertThat(stale.status()).isEqualTo(409);
    Http.Reply bad = http.send("PUT", "/api/v1/queues", null, "application/yaml", "name: root\nchildren:\n  - name: Bad\n");
    assertThat(bad.status()).as(bad.text()).isEqualTo(400);
    assertThat(bad.json().path("errors").get(0).path("pointer").asText()).isEqualTo("/children/0/name");
    assertThat(bad.json().path("errors").get(0).path("message").asText()).startsWith("line 3:");
    assertThat(http.get("/api/v1/queues", null).json().path("version").asLong()).as("the tree in force stays").isEqualTo(version + 1);
  }

  private static String state(String op) {
    Http.Reply r = http.send("POST", "/api/v1/nodes/n1/" + op, null, null, null);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.json().path("state").asText();
  }

  private static List<String> ids(JsonNode tasks) {
    List<String> out = new ArrayList<>();
    tasks.forEach(t -> out.add(t.path("id").asText()));
    return out;
  }
}
