package dev.weft.agent.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.weft.agent.enforce.Enforcement;
import dev.weft.agent.enforce.EnforcementKind;
import dev.weft.model.Resources;
import dev.weft.model.TopologyPath;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The HTTP adapter against a loopback server that answers canned bodies and records requests. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HttpAgentProtocolTest {
  final Map<String, String> answers = new ConcurrentHashMap<>();
  final Map<String, Integer> statuses = new ConcurrentHashMap<>();
  final Map<String, String> received = new ConcurrentHashMap<>();
  final Map<String, String> auth = new ConcurrentHashMap<>();
  final Map<String, String> secrets = new ConcurrentHashMap<>();
  HttpServer server;
  HttpAgentProtocol protocol;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/v1/agent/", ex -> {
      String call = ex.getRequestURI().getPath().substring("/api/v1/agent/".length());
      received.put(call, new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      auth.put(call, String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
      secrets.put(call, String.valueOf(ex.getRequestHeaders().getFirst("Weft-Node-Secret")));
      byte[] body = answers.getOrDefault(call, "{}").getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(statuses.getOrDefault(call, 200), body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    protocol = new HttpAgentProtocol(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "agent-token-1",
        Path.of("/tmp"));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void join_sends_the_machine_and_reads_the_node_id() {
    answers.put("join", "{\"nodeId\": \"n1\", \"heartbeatMillis\": 5000, \"nodeSecret\": \"s3cret\"}");
    Joined j = protocol.join(new NodeInfo("n1", new Resources(2000, 1024, 10, 0, Map.of()), Map.of("disk", "ssd"),
        TopologyPath.parse("eu/zone-a/rack-1"), new Enforcement(EnforcementKind.RLIMIT, true, false, false, "", List.of())));
    assertThat(j.nodeId()).isEqualTo("n1");
    assertThat(received.get("join")).contains("\"name\":\"n1\"", "\"topology\":\"eu/zone-a/rack-1\"",
        "\"cpuMillis\":2000", "\"memoryMiB\":1024", "\"disk\":\"ssd\"", "\"enforcement\":\"rlimit\"");
    assertThat(auth.get("join")).isEqualTo("Bearer agent-token-1");
  }

  @Test
  void poll_reads_starts_and_kills() {
    answers.put("poll", """
        {"assignments": [
          {"type": "kill", "taskId": "old~0", "reason": "task old is SUCCEEDED"},
          {"type": "start", "taskId": "j.2F0~1", "argv": ["sh", "-c", "echo hi"], "env": {"A": "1"},
           "cpuMillis": 500, "memoryMiB": 64, "timeoutMillis": 30000}]}""");
    List<Assignment> got = protocol.poll("n1", 4, Duration.ofMillis(100));
    assertThat(received.get("poll")).contains("\"nodeId\":\"n1\"", "\"maxStarts\":4", "\"waitMillis\":100");
    assertThat(got.get(0)).isEqualTo(new Assignment.Kill("old~0", "task old is SUCCEEDED"));
    Assignment.Start s = (Assignment.Start) got.get(1);
    assertThat(s.command().taskId()).isEqualTo("j.2F0~1");
    assertThat(s.command().argv()).containsExactly("sh", "-c", "echo hi");
    assertThat(s.command().env()).containsEntry("A", "1");
    assertThat(s.command().cpuMillis()).isEqualTo(500);
    assertThat(s.command().memoryMiB()).isEqualTo(64);
    assertThat(s.command().timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.command().workDir()).isEqualTo(Path.of("/tmp"));
  }

  @Test
  void report_sends_the_batch_in_order() {
    protocol.report("n1", List.of(
        new StatusChange("t~0", TaskState.RUNNING, null, "started", Instant.parse("2026-01-01T00:00:00Z")),
        new StatusChange("t~0", TaskState.FAILED, 3, "exited 3", Instant.parse("2026-01-01T00:00:01Z"))));
    assertThat(received.get("report")).contains("\"nodeId\":\"n1\"")
        .containsSubsequence("\"state\":\"RUNNING\"", "\"state\":\"FAILED\"", "\"exitCode\":3");
  }

  @Test
  void a_refusal_or_an_unreachable_server_is_a_protocol_exception_naming_the_call() {
    statuses.put("heartbeat", 503);
    answers.put("heartbeat", "{\"status\": 503, \"detail\": \"the database is unreachable\"}");
    assertThatThrownBy(() -> protocol.heartbeat(new Heartbeat("n1", Instant.EPOCH, java.util.Set.of())))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("heartbeat: the server answered 503: the database is unreachable");
    answers.put("poll", "{\"assignments\": [{\"type\": \"reboot\", \"taskId\": \"x\"}]}");
    assertThatThrownBy(() -> protocol.poll("n1", 1, Duration.ZERO)).hasMessageContaining("unknown type 'reboot'");
    server.stop(0);
    assertThatThrownBy(() -> protocol.report("n1", List.of())).isInstanceOf(ProtocolException.class)
        .hasMessageStartingWith("report: cannot reach http://127.0.0.1:");
  }

  static final NodeInfo N1 = new NodeInfo("n1", Resources.of(2000, 1024), Map.of(), null, null);

  @Test
  void the_node_secret_the_join_answered_goes_with_every_later_call_and_the_next_join() {
    answers.put("join", "{\"nodeId\": \"n1\", \"nodeSecret\": \"s3cret\"}");
    assertThat(protocol.join(N1).sessionToken()).isEqualTo("s3cret");
    assertThat(received.get("join")).doesNotContain("secret");
    assertThat(secrets.get("join")).isEqualTo("null");
    answers.put("heartbeat", "{\"known\": true}");
    assertThat(protocol.heartbeat(new Heartbeat("n1", Instant.now(), java.util.Set.of(), java.util.Set.of()))).isTrue();
    protocol.poll("n1", 1, Duration.ZERO, java.util.Set.of("b~0", "a~1"), java.util.Set.of("a~1"));
    assertThat(received.get("poll")).contains("\"running\":[\"a~1\",\"b~0\"]", "\"suspended\":[\"a~1\"]");
    protocol.report("n1", List.of());
    for (String call : List.of("heartbeat", "poll", "report")) {
      assertThat(secrets.get(call)).as(call).isEqualTo("s3cret");
    }
    protocol.join(N1);
    assertThat(received.get("join")).contains("\"secret\":\"s3cret\"");
    assertThat(secrets.get("join")).as("the join carries it in its body only").isEqualTo("null");
  }

  @Test
  void a_call_refused_for_want_of_the_node_s_secret_means_join_again() {
    String notHeld = "{\"type\": \"https://weft.dev/problems/node-not-held\", \"status\": 403,"
        + " \"detail\": \"node n1 is held by another agent\"}";
    for (String call : List.of("heartbeat", "poll", "logs")) {
      answers.put(call, notHeld);
      statuses.put(call, 403);
    }
    assertThat(protocol.heartbeat(new Heartbeat("n1", Instant.now(), java.util.Set.of(), java.util.Set.of())))
        .as("answered as an unknown node").isFalse();
    assertThatThrownBy(() -> protocol.poll("n1", 1, Duration.ZERO)).isInstanceOf(ProtocolException.class)
        .hasMessage("poll: the server answered 403: node n1 is held by another agent");
    assertThatThrownBy(() -> protocol.shipLogs("n1", List.of())).as("not a refusal for good: shipped again later")
        .isInstanceOf(ProtocolException.class).isNotInstanceOf(LogsRefusedException.class);
  }
}
