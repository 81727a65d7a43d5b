package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.model.Resources;
import dev.weft.model.TaskRun;
import dev.weft.model.TaskSpec;
import dev.weft.server.api.auth.Tokens;
import dev.weft.server.runtime.TestDb;
import dev.weft.server.scheduling.JobSubmission;
import dev.weft.server.scheduling.SchedulingSettings;
import dev.weft.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Task logs over HTTP: an agent ships them (POST /api/v1/agent/logs), a viewer reads and follows them. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TaskLogsApiTest {
  static final String AGENT = "agent-token-0123456789";
  static final String VIEWER = "viewer-token-0123456789";
  static final String JOIN = """
      {"name": "n1", "capacity": {"cpuMillis": 2000, "memoryMiB": 1024}}""";

  @TempDir
  Path dir;

  private RunningServer start(TestDb db) {
    Tokens tokens = Tokens.parse(AGENT + " agent a\n" + VIEWER + " viewer v\n", "tokens.txt");
    return RunningServer.startScheduling(db, dir, tokens,
        SchedulingSettings.withNodeTimeout("test-server", Duration.ofSeconds(30)));
  }

  /**
   * Joins n1, submits task t and polls until it is handed out (the agent's run id is t~0); answers
   * the client that carries n1's node secret.
   */
  private static Http runningTask(RunningServer s) {
    Http http = s.http().joined(AGENT, JOIN);
    try (Database db = Database.open(s.databaseUrl())) {
      TaskSpec t = TaskSpec.builder("t").job("j").resources(Resources.of(100, 16))
          .run(new TaskRun(List.of("sh", "-c", "true"), Map.of(), 30_000)).build();
      new JobSubmission(db).submit("j", "j", List.of(t), Instant.now());
    }
    for (int i = 0; i < 30; i++) {
      JsonNode polled = http.postJson("/api/v1/agent/poll", AGENT, "{\"nodeId\": \"n1\", \"waitMillis\": 5000}").json();
      if (polled.get("assignments").size() > 0) {
        report(http, "RUNNING", null);
        return http;
      }
    }
    throw new AssertionError("task t was not handed out within 30 polls");
  }

  private static void report(Http http, String state, Integer exit) {
    Http.Reply r = http.postJson("/api/v1/agent/report", AGENT, "{\"nodeId\": \"n1\", \"changes\": [{\"taskId\": \"t~0\","
        + " \"state\": \"" + state + "\"" + (exit == null ? "" : ", \"exitCode\": " + exit) + "}]}");
    assertThat(r.status()).as(r.text()).isEqualTo(200);
  }

  static String piece(String stream, long offset, String text, boolean last) {
    return "{\"taskId\": \"t~0\", \"stream\": \"" + stream + "\", \"offset\": " + offset + ", \"data\": \""
        + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "\", \"last\": " + last + "}";
  }

  static JsonNode ship(Http http, String... pieces) {
    Http.Reply r = http.postJson("/api/v1/agent/logs", AGENT, "{\"nodeId\": \"n1\", \"pieces\": ["
        + String.join(",", pieces) + "]}");
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.json().get("acks");
  }

  /** The chunks of an answer decoded, as "stream@offset:text". */
  static List<String> chunks(JsonNode reply) {
    return Stream.of(reply.get("chunks")).flatMap(c -> java.util.stream.StreamSupport.stream(c.spliterator(), false))
        .map(c -> c.get("stream").asText() + "@" + c.get("offset").asLong() + ":"
            + new String(Base64.getDecoder().decode(c.get("data").asText()), StandardCharsets.UTF_8))
        .toList();
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void shipped_output_is_stored_once_and_read_per_stream_from_an_offset(TestDb kind) {
    try (RunningServer s = start(kind)) {
      Http http = runningTask(s);
      JsonNode acks = ship(http, piece("stdout", 0, "line 1\n", false), piece("stderr", 0, "warn\n", false));
      assertThat(acks.get(0).get("kept").asLong()).isEqualTo(7);
      assertThat(acks.get(1).get("stream").asText()).isEqualTo("stderr");
      JsonNode again = ship(http, piece("stdout", 0, "line 1\nline 2\n", false));
      assertThat(again.get(0).get("kept").asLong()).as("the repeated part is skipped").isEqualTo(14);

      JsonNode all = http.get("/api/v1/tasks/t/logs", VIEWER).json();
      assertThat(chunks(all)).containsExactly("stdout@0:line 1\n", "stdout@7:line 2\n", "stderr@0:warn\n");
      assertThat(all.get("next").toString()).isEqualTo("{\"stdout\":14,\"stderr\":5}");
      assertThat(all.get("state").asText()).isEqualTo("RUNNING");
      assertThat(all.get("ended").asBoolean()).isFalse();
      assertThat(all.get("complete").asBoolean()).isFalse();
      assertThat(chunks(http.get("/api/v1/tasks/t/logs?stream=stdout&offset=3", VIEWER).json()))
          .containsExactly("stdout@3:e 1\n", "stdout@7:line 2\n");
      assertThat(chunks(http.get("/api/v1/tasks/t/logs?stream=both&offset=14,2", VIEWER).json()))
          .containsExactly("stderr@2:rn\n");

      Http.Reply plain = http.get("/api/v1/tasks/t/logs?stream=stdout&offset=3&plain=true", VIEWER);
      assertThat(plain.status()).isEqualTo(200);
      assertThat(plain.contentType()).startsWith("text/plain");
      assertThat(plain.text()).isEqualTo("e 1\nline 2\n");
      assertThat(List.of("Weft-Offset", "Weft-Next-Offset", "Weft-Dropped", "Weft-More", "Weft-Ended", "Weft-Complete",
          "Weft-State").stream().map(h -> h + "=" + plain.header(h)).toList()).containsExactly("Weft-Offset=3",
          "Weft-Next-Offset=14", "Weft-Dropped=0", "Weft-More=false", "Weft-Ended=false", "Weft-Complete=false",
          "Weft-State=RUNNING");
      Http.Reply nothingNew = http.get("/api/v1/tasks/t/logs?stream=stderr&offset=5&plain=true", VIEWER);
      assertThat(nothingNew.text()).isEmpty();
      assertThat(nothingNew.header("Weft-Offset")).isEqualTo("5");
      assertThat(nothingNew.header("Weft-Next-Offset")).isEqualTo("5");
      Http.Reply both = http.get("/api/v1/tasks/t/logs?plain=true", VIEWER);
      assertThat(both.status()).isEqualTo(400);
      assertThat(both.json().at("/errors/0/parameter").asText()).isEqualTo("stream");
      JsonNode unknown = ship(http, "{\"taskId\": \"ghost~0\", \"stream\": \"stdout\", \"offset\": 0, \"data\": \"\"}");
      assertThat(unknown.get(0).get("ignored").asText()).isEqualTo("no task ghost");
      assertThat(unknown.get(0).get("full").asBoolean()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_follow_returns_bytes_shipped_while_it_waits_and_ends_when_the_task_ends(TestDb kind) throws Exception {
    try (RunningServer s = start(kind)) {
      Http http = runningTask(s);
      ship(http, piece("stdout", 0, "first\n", false));
      CompletableFuture<JsonNode> waiting = CompletableFuture.supplyAsync(() ->
          http.get("/api/v1/tasks/t/logs?stream=stdout&offset=6&follow=true&waitMillis=25000", VIEWER).json());
      // the follow is waiting (nothing past offset 6 yet); a later shipment answers it
      ship(http, piece("stdout", 6, "second\n", false));
      JsonNode got = waiting.get(25, TimeUnit.SECONDS);
      assertThat(chunks(got)).containsExactly("stdout@6:second\n");
      assertThat(got.get("complete").asBoolean()).isFalse();

      CompletableFuture<JsonNode> last = CompletableFuture.supplyAsync(() ->
          http.get("/api/v1/tasks/t/logs?stream=stdout&offset=13&follow=true&waitMillis=25000", VIEWER).json());
      ship(http, piece("stdout", 13, "", true));
      report(http, "SUCCEEDED", 0);
      JsonNode end = last.get(25, TimeUnit.SECONDS);
      if (!end.get("complete").asBoolean()) { // answered by the shipment, before the report: follow once more
        end = http.get("/api/v1/tasks/t/logs?stream=stdout&offset=13&follow=true&waitMillis=25000", VIEWER).json();
      }
      assertThat(end.get("complete").asBoolean()).as(end.toString()).isTrue();
      assertThat(end.get("ended").asBoolean()).isTrue();
      assertThat(end.get("state").asText()).isEqualTo("SUCCEEDED");
      assertThat(end.get("exitCode").asInt()).isZero();
      assertThat(chunks(end)).isEmpty();
    }
  }

  @Test
  void a_follow_with_nothing_new_answers_empty_after_its_wait() {
    try (RunningServer s = start(TestDb.H2)) {
      runningTask(s);
      JsonNode r = s.http().get("/api/v1/tasks/t/logs?follow=true&waitMillis=300", VIEWER).json();
      assertThat(chunks(r)).isEmpty();
      assertThat(r.get("complete").asBoolean()).isFalse();
    }
  }

  static Stream<Arguments> badReads() {
    return Stream.of(
        Arguments.of("stream=stdin", "stream"),
        Arguments.of("offset=-1", "offset"),
        Arguments.of("offset=abc", "offset"),
        Arguments.of("stream=stdout&offset=1,2", "offset"),
        Arguments.of("attempt=5", "attempt"),
        Arguments.of("attempt=x", "attempt"),
        Arguments.of("follow=maybe", "follow"),
        Arguments.of("waitMillis=3600000", "waitMillis"),
        Arguments.of("colour=red", "colour"));
  }

  @ParameterizedTest(name = "{0} -> 400 naming {1}")
  @MethodSource("badReads")
  void bad_parameters_are_a_400_naming_them(String query, String param) {
    try (RunningServer s = start(TestDb.H2)) {
      runningTask(s);
      Http.Reply r = s.http().get("/api/v1/tasks/t/logs?" + query, VIEWER);
      assertThat(r.status()).as(r.text()).isEqualTo(400);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.json().get("errors").get(0).get("parameter").asText()).isEqualTo(param);
    }
  }

  @Test
  void unknown_tasks_bad_pieces_and_wrong_tokens_are_refused() {
    try (RunningServer s = start(TestDb.H2)) {
      Http http = runningTask(s);
      Http.Reply none = http.get("/api/v1/tasks/nope/logs?follow=true", VIEWER);
      assertThat(none.status()).isEqualTo(404);
      assertThat(none.json().get("detail").asText()).isEqualTo("no task nope");
      assertThat(http.get("/api/v1/tasks/t/logs", AGENT).status()).as("agent tokens open only the agent protocol")
          .isEqualTo(403);
      assertThat(http.get("/api/v1/tasks/t/logs", null).status()).isEqualTo(401);
      assertThat(http.postJson("/api/v1/agent/logs", VIEWER, "{\"nodeId\": \"n1\", \"pieces\": []}").status())
          .isEqualTo(403);
      for (String[] bad : new String[][] {
          {"{\"nodeId\": \"n1\", \"pieces\": [{\"taskId\": \"t~0\", \"stream\": \"stdout\", \"offset\": 0, \"data\": \"!!\"}]}",
              "/pieces/0/data"},
          {"{\"nodeId\": \"n1\", \"pieces\": [{\"taskId\": \"t\", \"stream\": \"stdout\", \"offset\": 0, \"data\": \"\"}]}",
              "/pieces/0/taskId"},
          {"{\"nodeId\": \"n1\", \"pieces\": [{\"taskId\": \"t~0\", \"stream\": \"out\", \"offset\": 0, \"data\": \"\"}]}",
              "/pieces/0/stream"},
          {"{\"nodeId\": \"n1\", \"pieces\": [{\"taskId\": \"t~0\", \"stream\": \"stdout\", \"offset\": -3, \"data\": \"\"}]}",
              "/pieces/0/offset"},
          {"{\"nodeId\": \"n1\", \"pieces\": [{\"taskId\": \"t~0\", \"stream\": \"stdout\", \"offset\": 0, \"data\": \"YQ==\","
              + " \"written\": 0}]}", "/pieces/0/written"},
          {"{\"pieces\": []}", "/nodeId"},
          {"{\"nodeId\": \"n1\"}", "/pieces"}}) {
        Http.Reply r = http.postJson("/api/v1/agent/logs", AGENT, bad[0]);
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("pointer").asText()).isEqualTo(bad[1]);
      }
    }
  }
}
