package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.server.api.auth.Tokens;
import dev.weft.server.runtime.TestDb;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Workflows defined and run over HTTP, on H2 and on PostgreSQL. */
class ApiWorkflowTest {
  private static final Pattern SAMPLE = Pattern.compile(
      "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"(\\\\.|[^\"\\\\])*\",?)*})? (-?[0-9.]+([eE][-+]?[0-9]+)?|NaN|[+-]Inf)");

  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_workflow_started_over_http_runs_to_completion_and_its_output_is_returned(TestDb db) {
    try (RunningServer s = RunningServer.start(db, dir, Tokens.none(), List.of())) {
      Http http = s.http();
      Http.Reply defined = http.post("/api/v1/workflows", null, "application/yaml", Workflows.SQUARE);
      assertThat(defined.status()).as(defined.text()).isEqualTo(201);
      assertThat(defined.json().path("name").asText()).isEqualTo("api-test/square");
      assertThat(defined.json().path("version").asInt()).isEqualTo(1);
      assertThat(defined.header("Location")).isEqualTo("/api/v1/workflows/api-test/square/versions/1");

      Http.Reply started = http.postJson("/api/v1/instances", null, "{\"definition\":\"api-test/square\",\"input\":{\"n\":7}}");
      assertThat(started.status()).as(started.text()).isEqualTo(201);
      String id = started.json().path("id").asText();
      assertThat(started.header("Location")).isEqualTo("/api/v1/instances/" + id);

      JsonNode done = Workflows.awaitEnd(http, null, id);
      assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
      assertThat(done.path("output").path("squared").asInt()).isEqualTo(49);
      assertThat(done.has("error")).isFalse();

      List<String> types = new ArrayList<>();
      http.get("/api/v1/instances/" + id + "/history", null).json().path("events").forEach(e -> types.add(e.path("type").asText()));
      assertThat(types).containsExactly("Started", "CommandCompleted");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_run_workflow_step_starts_a_child_instance_that_the_api_links_both_ways(TestDb db) {
    try (RunningServer s = RunningServer.start(db, dir, Tokens.none(), List.of())) {
      Http http = s.http();
      http.post("/api/v1/workflows", null, "application/yaml", Workflows.SQUARE);
      Http.Reply defined = http.post("/api/v1/workflows", null, "application/yaml", """
          document: { dsl: '1.0.0', namespace: api-test, name: parent, version: '0.1.0' }
          do:
            - sub:
                run: { workflow: { namespace: api-test, name: square, version: '0.1.0', input: { n: '${ .n + 1 }' } } }
          """);
      assertThat(defined.status()).as(defined.text()).isEqualTo(201);
      String id = http.postJson("/api/v1/instances", null, "{\"definition\":\"api-test/parent\",\"input\":{\"n\":4}}")
          .json().path("id").asText();
      JsonNode done = Workflows.awaitEnd(http, null, id);
      assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("COMPLETED");
      assertThat(done.path("output").path("squared").asInt()).isEqualTo(25);
      assertThat(done.has("parent")).isFalse();
      assertThat(done.path("children")).hasSize(1);
      String child = done.path("children").get(0).asText();
      JsonNode c = http.get("/api/v1/instances/" + child, null).json();
      assertThat(c.path("definition").asText()).isEqualTo("api-test/square");
      assertThat(c.path("status").asText()).isEqualTo("COMPLETED");
      assertThat(c.path("parent").asText()).isEqualTo(id);
      assertThat(c.has("children")).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void the_same_idempotency_key_gives_the_same_instance_and_another_workflow_or_input_under_it_is_a_conflict(TestDb db) {
    try (RunningServer s = RunningServer.start(db, dir, Tokens.none(), List.of())) {
      Http http = s.http();
      http.post("/api/v1/workflows", null, "application/yaml", Workflows.SQUARE);
      http.post("/api/v1/workflows", null, "application/yaml", Workflows.RAISE);
      String body = "{\"definition\":\"api-test/square\",\"input\":{\"n\":3}}";
      Http.Reply first = http.send("POST", "/api/v1/instances", null, "application/json", body, "Idempotency-Key", "order-42");
      Http.Reply again = http.send("POST", "/api/v1/instances", null, "application/json", body, "Idempotency-Key", "order-42");
      assertThat(again.status()).isEqualTo(201);
      assertThat(again.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
      Http.Reply sameInOtherOrder = http.send("POST", "/api/v1/instances", null, "application/json",
          "{\"input\":{\"n\":3},\"definition\":\"api-test/square\"}", "Idempotency-Key", "order-42");
      assertThat(sameInOtherOrder.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
      Http.Reply otherInput = http.send("POST", "/api/v1/instances", null, "application/json",
          "{\"definition\":\"api-test/square\",\"input\":{\"n\":4}}", "Idempotency-Key", "order-42");
      assertThat(otherInput.status()).isEqualTo(409);
      assertThat(otherInput.json().path("detail").asText()).contains("with another input");
      assertThat(otherInput.json().path("errors").get(0).path("parameter").asText()).isEqualTo("Idempotency-Key");
      Http.Reply other = http.send("POST", "/api/v1/instances", null, "application/json",
          "{\"definition\":\"api-test/raise\"}", "Idempotency-Key", "order-42");
      assertThat(other.status()).isEqualTo(409);
      assertThat(other.json().path("errors").get(0).path("parameter").asText()).isEqualTo("Idempotency-Key");
      Workflows.awaitEnd(http, null, first.json().path("id").asText());
      assertThat(http.get("/api/v1/instances", null).json().path("items")).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_failed_instance_shows_its_error_and_lists_filter_and_page(TestDb db) {
    try (RunningServer s = RunningServer.start(db, dir, Tokens.none(), List.of())) {
      Http http = s.http();
      http.post("/api/v1/workflows", null, "application/yaml", Workflows.SQUARE);
      http.post("/api/v1/workflows", null, "application/yaml", Workflows.RAISE);
      List<String> squares = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        squares.add(http.postJson("/api/v1/instances", null, "{\"definition\":\"api-test/square\",\"input\":{\"n\":" + i + "}}")
            .json().path("id").asText());
      }
      String failed = http.postJson("/api/v1/instances", null, "{\"definition\":\"api-test/raise\",\"version\":1}")
          .json().path("id").asText();
      JsonNode end = Workflows.awaitEnd(http, null, failed);
      assertThat(end.path("status").asText()).isEqualTo("FAILED");
      assertThat(end.path("error").path("status").asInt()).isEqualTo(418);
      assertThat(end.has("output")).isFalse();
      squares.forEach(id -> Workflows.awaitEnd(http, null, id));

      assertThat(ids(http.get("/api/v1/instances?status=failed", null).json())).containsExactly(failed);
      assertThat(ids(http.get("/api/v1/instances?definition=api-test/square", null).json()))
          .containsExactlyInAnyOrderElementsOf(squares);
      List<String> paged = new ArrayList<>();
      String path = "/api/v1/instances?limit=3";
      while (path != null) {
        JsonNode page = http.get(path, null).json();
        paged.addAll(ids(page));
        path = page.path("next").isTextual() ? "/api/v1/instances?limit=3&cursor=" + page.path("next").asText() : null;
      }
      assertThat(paged).hasSize(4).doesNotHaveDuplicates().containsAll(squares).contains(failed);

      JsonNode workflows = http.get("/api/v1/workflows?limit=1", null).json();
      assertThat(workflows.path("items").get(0).path("name").asText()).isEqualTo("api-test/raise");
      JsonNode rest = http.get("/api/v1/workflows?cursor=" + workflows.path("next").asText(), null).json();
      assertThat(rest.path("items").get(0).path("name").asText()).isEqualTo("api-test/square");
      assertThat(rest.path("next").isNull()).isTrue();
      JsonNode latest = http.get("/api/v1/workflows/api-test/square", null).json();
      assertThat(latest.path("document").asText()).isEqualTo(Workflows.SQUARE);
      assertThat(latest.path("versions").toString()).isEqualTo("[1]");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void metrics_parse_as_prometheus_text_and_count_instances_by_status(TestDb db) {
    try (RunningServer s = RunningServer.start(db, dir, Tokens.none(), List.of())) {
      Http http = s.http();
      http.post("/api/v1/workflows", null, "application/yaml", Workflows.SQUARE);
      String id = http.postJson("/api/v1/instances", null, "{\"definition\":\"api-test/square\",\"input\":{\"n\":2}}")
          .json().path("id").asText();
      Workflows.awaitEnd(http, null, id);
      http.get("/api/v1/instances/nope", null);

      Http.Reply m = http.get("/metrics", null);
      assertThat(m.status()).isEqualTo(200);
      assertThat(m.contentType()).startsWith("text/plain");
      List<String> samples = new ArrayList<>();
      for (String line : m.text().split("\n")) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        assertThat(line).as("a sample line").matches(SAMPLE);
        samples.add(line);
      }
      assertThat(samples).contains("weft_instances{status=\"COMPLETED\"} 1.0", "weft_instances{status=\"FAILED\"} 0.0");
      assertThat(samples).anyMatch(l -> l.startsWith("http_server_requests_seconds_count{method=\"POST\",route=\"/api/v1/instances\",status=\"201\"} 1"));
      assertThat(samples).anyMatch(l -> l.startsWith("http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/instances/{id}\",status=\"404\"}"));
      assertThat(samples).anyMatch(l -> l.startsWith("jvm_memory_used_bytes{"));

      Http.Reply health = http.get("/healthz", null);
      assertThat(health.status()).isEqualTo(200);
      assertThat(health.json().path("database").asText()).isEqualTo("up");
    }
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.path("items").forEach(i -> ids.add(i.path("id").asText()));
    return ids;
  }
}
