package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.model.Resources;
import dev.weft.model.TaskRun;
import dev.weft.model.TaskSpec;
import dev.weft.model.lifecycle.TaskState;
import dev.weft.server.api.auth.Tokens;
import dev.weft.server.runtime.TestDb;
import dev.weft.server.scheduling.JobSubmission;
import dev.weft.server.scheduling.SchedulingSettings;
import dev.weft.store.Database;
import dev.weft.store.NodeRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The agent protocol over HTTP against a real server (scheduler loop running), on H2 and PostgreSQL. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AgentProtocolApiTest {
  static final String AGENT = "agent-token-0123456789";
  static final String VIEWER = "viewer-token-0123456789";
  static final String OPERATOR = "operator-token-0123456789";
  static final String JOIN = """
      {"name": "n1", "topology": "eu/zone-a/rack-1", "capacity": {"cpuMillis": 2000, "memoryMiB": 1024, "diskMiB": 100},
       "labels": {"disk": "ssd"}, "enforcement": "cgroup-v1"}""";

  @TempDir
  Path dir;

  private RunningServer start(TestDb db) {
    Tokens tokens = Tokens.parse(AGENT + " agent a\n" + VIEWER + " viewer v\n" + OPERATOR + " operator o\n",
        "tokens.txt");
    return RunningServer.startScheduling(db, dir, tokens,
        SchedulingSettings.withNodeTimeout("test-server", Duration.ofSeconds(30)));
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void an_agent_joins_polls_its_task_and_reports_it_done(TestDb kind) throws Exception {
    try (RunningServer s = start(kind); Database db = Database.open(s.databaseUrl())) {
      Http http = s.http();
      Http.Reply joined = http.postJson("/api/v1/agent/join", AGENT, JOIN);
      assertThat(joined.status()).as(joined.text()).isEqualTo(200);
      assertThat(joined.json().get("nodeId").asText()).isEqualTo("n1");
      Http agent = http.withHeaders("Weft-Node-Secret", joined.json().get("nodeSecret").asText());
      assertThat(joined.json().get("heartbeatMillis").asLong()).isEqualTo(10_000);
      NodeRecord node = db.nodes().find("n1").orElseThrow();
      assertThat(node.topology()).isEqualTo("eu/zone-a/rack-1");
      assertThat(node.labels().get("disk").asText()).isEqualTo("ssd");
      assertThat(node.labels().get("weft.dev/enforcement").asText()).isEqualTo("cgroup-v1");

      TaskSpec runs = TaskSpec.builder("t").resources(Resources.of(500, 64))
          .run(new TaskRun(List.of("sh", "-c", "echo hi"), java.util.Map.of("A", "1"), 30_000)).build();
      new JobSubmission(db).submit("j", "j", List.of(runs.toBuilder().job("j").build(),
          TaskSpec.builder("nothing-to-run").job("j").build()), Instant.now());

      JsonNode start = null;
      for (int i = 0; i < 20 && start == null; i++) { // each poll waits until the scheduler placed the task
        Http.Reply polled = agent.postJson("/api/v1/agent/poll", AGENT, "{\"nodeId\": \"n1\", \"waitMillis\": 5000}");
        assertThat(polled.status()).as(polled.text()).isEqualTo(200);
        for (JsonNode a : polled.json().get("assignments")) {
          start = a;
        }
      }
      assertThat(start).as("an assignment within 20 polls").isNotNull();
      assertThat(start.get("type").asText()).isEqualTo("start");
      assertThat(start.get("taskId").asText()).isEqualTo("t~0");
      assertThat(start.get("argv").toString()).isEqualTo("[\"sh\",\"-c\",\"echo hi\"]");
      assertThat(start.get("env").get("A").asText()).isEqualTo("1");
      assertThat(start.get("env").get("WEFT_TASK_ID").asText()).isEqualTo("t");
      assertThat(start.get("env").get("WEFT_ATTEMPT").asText()).isEqualTo("0");
      assertThat(start.get("cpuMillis").asLong()).isEqualTo(500);
      assertThat(start.get("memoryMiB").asLong()).isEqualTo(64);
      assertThat(start.get("timeoutMillis").asLong()).isEqualTo(30_000);
      var failed = db.tasks().find("nothing-to-run").orElseThrow();
      assertThat(failed.status()).isEqualTo(TaskState.FAILED);
      assertThat(failed.message()).contains("no 'run'");

      String batch = """
          {"nodeId": "n1", "changes": [
            {"taskId": "t~0", "state": "RUNNING", "detail": "started", "at": "2026-01-01T00:00:00Z"},
            {"taskId": "t~0", "state": "SUCCEEDED", "exitCode": 0, "detail": "exit 0", "at": "2026-01-01T00:00:01Z"}]}""";
      Http.Reply reported = agent.postJson("/api/v1/agent/report", AGENT, batch);
      assertThat(reported.status()).as(reported.text()).isEqualTo(200);
      assertThat(reported.json().get("accepted").asInt()).isEqualTo(2);
      assertThat(db.tasks().find("t").orElseThrow().status()).isEqualTo(TaskState.SUCCEEDED);

      Http.Reply again = agent.postJson("/api/v1/agent/report", AGENT, batch);
      assertThat(again.json().get("accepted").asInt()).as("a repeated batch changes nothing").isZero();
      assertThat(again.json().get("ignored").get(0).get("reason").asText()).isEqualTo("already SUCCEEDED");
      Http.Reply stale = agent.postJson("/api/v1/agent/report", AGENT,
          "{\"nodeId\": \"n1\", \"changes\": [{\"taskId\": \"t~3\", \"state\": \"FAILED\", \"exitCode\": 1}]}");
      assertThat(stale.json().get("ignored").get(0).get("reason").asText()).startsWith("stale: task t is now attempt 0");
      assertThat(db.tasks().find("t").orElseThrow().status()).isEqualTo(TaskState.SUCCEEDED);

      assertThat(agent.postJson("/api/v1/agent/heartbeat", AGENT, "{\"nodeId\": \"n1\"}").json().get("known").asBoolean())
          .isTrue();
      // a heartbeat listing a run the server has finished: the next poll says to kill it
      assertThat(agent.postJson("/api/v1/agent/heartbeat", AGENT, "{\"nodeId\": \"n1\", \"running\": [\"t~0\"]}")
          .status()).isEqualTo(200);
      JsonNode kill = agent.postJson("/api/v1/agent/poll", AGENT, "{\"nodeId\": \"n1\", \"waitMillis\": 0}").json()
          .get("assignments").get(0);
      assertThat(kill.get("type").asText()).isEqualTo("kill");
      assertThat(kill.get("taskId").asText()).isEqualTo("t~0");
      assertThat(kill.get("reason").asText()).isEqualTo("task t is SUCCEEDED");
      assertThat(kill.has("argv")).isFalse();
      assertThat(agent.postJson("/api/v1/agent/heartbeat", AGENT, "{\"nodeId\": \"nobody\"}").json().get("known")
          .asBoolean()).isFalse();
    }
  }

  static Stream<Arguments> badRequests() {
    return Stream.of(
        Arguments.of("join", "{\"capacity\": {\"cpuMillis\": 1, \"memoryMiB\": 1}}", 400, "/name"),
        Arguments.of("join", "{\"name\": \"../etc\", \"capacity\": {\"cpuMillis\": 1, \"memoryMiB\": 1}}", 400, "/name"),
        Arguments.of("join", "{\"name\": \"n\"}", 400, "/capacity"),
        Arguments.of("join", "{\"name\": \"n\", \"capacity\": {\"cpuMillis\": -1, \"memoryMiB\": 1}}", 400,
            "/capacity/cpuMillis"),
        Arguments.of("join", "{\"name\": \"n\", \"capacity\": {\"cpuMillis\": \"2\", \"memoryMiB\": 1}}", 400,
            "/capacity/cpuMillis"),
        Arguments.of("join", "{\"name\": \"n\", \"topology\": \"a/b/c/d\", \"capacity\": {\"cpuMillis\": 1, \"memoryMiB\": 1}}",
            400, "/topology"),
        Arguments.of("join", "{\"name\": \"n\", \"capacity\": {\"cpuMillis\": 1, \"memoryMiB\": 1}, \"colour\": 1}", 400,
            "/colour"),
        Arguments.of("heartbeat", "{}", 400, "/nodeId"),
        Arguments.of("poll", "{\"nodeId\": \"n1\", \"maxStarts\": -1}", 400, "/maxStarts"),
        Arguments.of("poll", "{\"nodeId\": \"n1\", \"waitMillis\": 3600000}", 400, "/waitMillis"),
        Arguments.of("poll", "{\"nodeId\": \"nobody\", \"waitMillis\": 0}", 404, "/nodeId"),
        Arguments.of("report", "{\"nodeId\": \"n1\"}", 400, "/changes"),
        Arguments.of("report", "{\"nodeId\": \"n1\", \"changes\": [{\"taskId\": \"t\", \"state\": \"RUNNING\"}]}", 400,
            "/changes/0/taskId"),
        Arguments.of("report", "{\"nodeId\": \"n1\", \"changes\": [{\"taskId\": \"t~0\", \"state\": \"DONE\"}]}", 400,
            "/changes/0/state"),
        Arguments.of("report", "{\"nodeId\": \"n1\", \"changes\": [null]}", 400, "/changes/0"));
  }

  @ParameterizedTest(name = "{0} {1} -> {2} at {3}")
  @MethodSource("badRequests")
  void bad_input_is_a_problem_naming_the_field(String call, String body, int status, String pointer) {
    try (RunningServer s = start(TestDb.H2)) {
      Http.Reply r = s.http().joined(AGENT, JOIN).postJson("/api/v1/agent/" + call, AGENT, body);
      assertThat(r.status()).as(r.text()).isEqualTo(status);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.json().get("errors").get(0).get("pointer").asText()).isEqualTo(pointer);
      assertThat(r.text()).doesNotContain("Exception", "dev.weft");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void only_agent_tokens_open_the_agent_protocol(TestDb kind) {
    try (RunningServer s = start(kind)) {
      assertThat(s.http().postJson("/api/v1/agent/join", null, JOIN).status()).isEqualTo(401);
      assertThat(s.http().postJson("/api/v1/agent/join", VIEWER, JOIN).status()).isEqualTo(403);
      assertThat(s.http().get("/api/v1/instances", AGENT).status()).isEqualTo(403);
      JsonNode doc = s.http().get("/api/v1/openapi.json", null).json();
      assertThat(doc.get("paths").has("/api/v1/agent/poll")).isTrue();
      assertThat(doc.get("paths").get("/api/v1/agent/report").get("post").get("x-weft-access").asText())
          .isEqualToIgnoringCase("agent");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void an_agent_speaks_only_for_the_node_it_holds(TestDb kind) {
    try (RunningServer s = start(kind); Database db = Database.open(s.databaseUrl())) {
      Http http = s.http();
      Http.Reply first = http.postJson("/api/v1/agent/join", AGENT, JOIN);
      assertThat(first.status()).as(first.text()).isEqualTo(200);
      String secret = first.json().get("nodeSecret").asText();
      assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
      Http holder = http.withHeaders("Weft-Node-Secret", secret);
      Http stranger = http.withHeaders("Weft-Node-Secret", "not-" + secret);
      String beat = "{\"nodeId\": \"n1\"}";
      assertThat(holder.postJson("/api/v1/agent/heartbeat", AGENT, beat).status()).isEqualTo(200);

      for (Http caller : List.of(http, stranger)) { // no secret, another secret: every call but the join refused
        for (String[] call : new String[][] {{"heartbeat", beat}, {"poll", "{\"nodeId\": \"n1\", \"waitMillis\": 0}"},
            {"report", "{\"nodeId\": \"n1\", \"changes\": []}"}, {"logs", "{\"nodeId\": \"n1\", \"pieces\": []}"}}) {
          Http.Reply r = caller.postJson("/api/v1/agent/" + call[0], AGENT, call[1]);
          assertThat(r.status()).as(call[0] + ": " + r.text()).isEqualTo(403);
          assertThat(r.json().get("type").asText()).isEqualTo("https://weft.dev/problems/node-not-held");
          assertThat(r.json().get("detail").asText()).startsWith("node n1");
          assertThat(r.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/nodeId");
        }
      }

      // a second agent under the same name, while the holder is heard from: refused, the node untouched
      String other = JOIN.replace("eu/zone-a/rack-1", "us/zone-b/rack-9");
      Http.Reply refused = http.postJson("/api/v1/agent/join", AGENT, other);
      assertThat(refused.status()).as(refused.text()).isEqualTo(409);
      assertThat(refused.json().get("detail").asText()).contains("node n1 is held by another agent", "--name");
      assertThat(refused.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/name");
      assertThat(stranger.postJson("/api/v1/agent/join", AGENT, other.replace("}}", "}, \"secret\": \"x\"}"))
          .status()).isEqualTo(409);
      assertThat(db.nodes().find("n1").orElseThrow().topology()).isEqualTo("eu/zone-a/rack-1");

      // the holder joining again (a restart with its state directory) keeps its secret
      Http.Reply again = http.postJson("/api/v1/agent/join", AGENT,
          JOIN.replace("\"enforcement\"", "\"secret\": \"" + secret + "\", \"enforcement\""));
      assertThat(again.status()).as(again.text()).isEqualTo(200);
      assertThat(again.json().get("nodeSecret").asText()).isEqualTo(secret);

      // once the node is down, a new agent takes it over and the old secret opens nothing
      assertThat(db.nodes().markDownIfSilent("n1", Instant.now().plusSeconds(3600))).isTrue();
      Http.Reply takeover = http.postJson("/api/v1/agent/join", AGENT, other);
      assertThat(takeover.status()).as(takeover.text()).isEqualTo(200);
      String newSecret = takeover.json().get("nodeSecret").asText();
      assertThat(newSecret).isNotEqualTo(secret);
      assertThat(db.nodes().find("n1").orElseThrow().topology()).isEqualTo("us/zone-b/rack-9");
      assertThat(holder.postJson("/api/v1/agent/heartbeat", AGENT, beat).status()).isEqualTo(403);
      assertThat(http.withHeaders("Weft-Node-Secret", newSecret).postJson("/api/v1/agent/heartbeat", AGENT, beat)
          .json().get("known").asBoolean()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_job_cancelled_through_the_api_answers_the_waiting_poll_with_the_kill(TestDb kind) throws Exception {
    try (RunningServer s = start(kind); Database db = Database.open(s.databaseUrl())) {
      Http agent = s.http().joined(AGENT, JOIN);
      new JobSubmission(db).submit("j", "j", List.of(TaskSpec.builder("t").job("j").resources(Resources.of(100, 16))
          .run(TaskRun.shell("sleep 60")).build()), Instant.now());
      boolean started = false;
      for (int i = 0; i < 20 && !started; i++) {
        started = agent.postJson("/api/v1/agent/poll", AGENT, "{\"nodeId\": \"n1\", \"waitMillis\": 5000}").json()
            .get("assignments").size() > 0;
      }
      assertThat(started).as("t handed out").isTrue();
      assertThat(agent.postJson("/api/v1/agent/report", AGENT, "{\"nodeId\": \"n1\", \"changes\": [{\"taskId\": \"t~0\","
          + " \"state\": \"RUNNING\"}]}").status()).isEqualTo(200);

      java.util.concurrent.CompletableFuture<Http.Reply> waiting = java.util.concurrent.CompletableFuture.supplyAsync(
          () -> agent.postJson("/api/v1/agent/poll", AGENT,
              "{\"nodeId\": \"n1\", \"waitMillis\": 30000, \"running\": [\"t~0\"]}"));
      Thread.sleep(300);
      assertThat(waiting).as("the poll waits: nothing to say yet").isNotDone();
      assertThat(s.http().postJson("/api/v1/jobs/j/cancel", OPERATOR, "").status()).isEqualTo(200);
      JsonNode kill = waiting.get(15, java.util.concurrent.TimeUnit.SECONDS).json().get("assignments").get(0);
      assertThat(kill.get("type").asText()).isEqualTo("kill");
      assertThat(kill.get("taskId").asText()).isEqualTo("t~0");
      assertThat(kill.get("reason").asText()).isEqualTo("task t is CANCELLED");
    }
  }

  @org.junit.jupiter.api.Test
  void a_poll_waiting_when_the_server_stops_is_answered_empty_before_the_server_goes() throws Exception {
    try (RunningServer s = start(TestDb.H2)) {
      Http agent = s.http().joined(AGENT, JOIN);
      java.util.concurrent.CompletableFuture<Http.Reply> waiting = java.util.concurrent.CompletableFuture.supplyAsync(
          () -> agent.postJson("/api/v1/agent/poll", AGENT, "{\"nodeId\": \"n1\", \"waitMillis\": 30000}"));
      Thread.sleep(300);
      assertThat(waiting).as("the poll waits: nothing placed").isNotDone();
      long before = System.nanoTime();
      s.server().close();
      assertThat(waiting).as("answered while the server stopped, not cut off").isDone();
      Http.Reply reply = waiting.get();
      assertThat(reply.status()).as(reply.text()).isEqualTo(200);
      assertThat(reply.json().get("assignments")).isEmpty();
      assertThat(Duration.ofNanos(System.nanoTime() - before)).as("the stop did not wait out the poll's 30 s")
          .isLessThan(Duration.ofSeconds(20));
    }
  }
}
