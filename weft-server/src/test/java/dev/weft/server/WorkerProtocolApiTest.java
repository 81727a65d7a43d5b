package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.weft.server.api.ApiSettings;
import dev.weft.server.api.Bodies;
import dev.weft.server.api.auth.Tokens;
import dev.weft.server.secrets.SecretSource;
import dev.weft.server.runtime.TestDb;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Services with a {@code worker} behaviour over real sockets: a workflow's call waits on the
 * service's queue, a worker leases it with {@code /api/v1/worker/poll} and reports its output or
 * error, and that is the step's result. Leases run out, failures are retried as the contract says,
 * only the lease holder may report, and the roles and bad bodies are refused by name.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WorkerProtocolApiTest {
  static final String OPERATOR = "operator-token-0123456789";
  static final String VIEWER = "viewer-token-0123456789";
  static final String AGENT = "agent-token-0123456789";
  static final String WORKER = "worker-token-0123456789";
  static final Tokens TOKENS = Tokens.parse(OPERATOR + " operator ci\n" + VIEWER + " viewer v\n" + AGENT + " agent node\n"
      + WORKER + " worker ocr-fleet\n", "tokens");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger NAMES = new AtomicInteger();

  @TempDir
  static Path dir;
  static RunningServer server;
  static Http http;

  @BeforeAll
  static void start() {
    server = RunningServer.start(TestDb.H2, dir, TOKENS, List.of());
    http = server.http();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A worker service of its own (so tests do not see each other's calls) and a workflow that calls it. */
  record Setup(String service, String queue, String workflow) {}

  static Setup service(Http http, String behaviourExtra, String contractExtra) {
    String name = "ocr" + NAMES.incrementAndGet();
    String queue = name + "-queue";
    Http.Reply s = http.post("/api/v1/services", OPERATOR, "application/yaml", """
        kind: service
        name: %s
        version: 2.0.0
        interface: { operation: read-page }
        contract:
          input: { type: object, required: [page], properties: { page: { type: integer } } }
          output: { type: object, required: [text], properties: { text: { type: string } } }
          %s
        behaviour:
          worker: { queue: %s %s }
        """.formatted(name, contractExtra, queue, behaviourExtra));
    assertThat(s.status()).as(s.text()).isEqualTo(201);
    Http.Reply w = http.post("/api/v1/workflows", OPERATOR, "application/yaml", """
        document: { dsl: '1.0.0', namespace: test, name: %s-flow, version: '1.0.0' }
        do:
          - read:
              call: %s
              with: { page: '${ .page }' }
          - done:
              set: { got: '${ .text }' }
        """.formatted(name, name));
    assertThat(w.status()).as(w.text()).isIn(200, 201);
    return new Setup(name, queue, "test/" + name + "-flow");
  }

  static Setup service(Http http) {
    return service(http, "", "");
  }

  static String startInstance(Http http, Setup s, int page) {
    Http.Reply r = http.postJson("/api/v1/instances", OPERATOR,
        "{\"definition\":\"" + s.workflow() + "\",\"input\":{\"page\":" + page + "}}");
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    return r.json().path("id").asText();
  }

  static JsonNode poll(Http http, String token, String worker, String queue, int waitMillis) {
    Http.Reply r = http.postJson("/api/v1/worker/poll", token,
        "{\"worker\":\"" + worker + "\",\"queues\":[\"" + queue + "\"],\"max\":5,\"waitMillis\":" + waitMillis + "}");
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.json().path("calls");
  }

  static Http.Reply report(Http http, JsonNode call, String worker, String what, String fields) {
    return http.postJson("/api/v1/worker/calls/" + call.path("id").asText() + "/" + what, WORKER,
        "{\"worker\":\"" + worker + "\",\"attempt\":" + call.path("attempt").asInt() + fields + "}");
  }

  static JsonNode awaitEnded(Http http, String id) {
    return Workflows.awaitEnd(http, VIEWER, id);
  }

  /** The first call a poll gets, waiting for it. */
  static JsonNode lease(Http http, String worker, String queue) {
    JsonNode calls = poll(http, WORKER, worker, queue, 10_000);
    assertThat(calls).as("a call waits on " + queue).hasSize(1);
    return calls.get(0);
  }

  @Test
  void a_call_waits_for_a_worker_whose_output_is_the_steps_result() throws Exception {
    Setup s = service(http);
    String id = startInstance(http, s, 3);
    JsonNode call = lease(http, "w1", s.queue());
    assertThat(call.path("attempt").asInt()).isEqualTo(1);
    assertThat(call.path("service").asText()).isEqualTo(s.service());
    assertThat(call.path("version").asText()).isEqualTo("2.0.0");
    assertThat(call.path("operation").asText()).isEqualTo("read-page");
    assertThat(call.path("input")).isEqualTo(JSON.readTree("{\"page\": 3}"));
    assertThat(poll(http, WORKER, "w2", s.queue(), 0)).as("a leased call is not handed out twice").isEmpty();
    JsonNode shown = http.get("/api/v1/worker-calls/" + call.path("id").asText(), VIEWER).json();
    assertThat(shown.path("status").asText()).isEqualTo("LEASED");
    assertThat(shown.path("worker").asText()).isEqualTo("w1");
    assertThat(shown.path("instanceId").asText()).isEqualTo(id);

    Http.Reply done = report(http, call, "w1", "complete", ",\"output\":{\"text\":\"page three\"}");
    assertThat(done.status()).as(done.text()).isEqualTo(200);
    assertThat(done.json().path("outcome").asText()).isEqualTo("COMPLETED");
    JsonNode inst = awaitEnded(http, id);
    assertThat(inst.path("status").asText()).as(inst.toString()).isEqualTo("COMPLETED");
    assertThat(inst.path("output")).isEqualTo(JSON.readTree("{\"got\": \"page three\"}"));
    Http.Reply again = report(http, call, "w1", "complete", ",\"output\":{\"text\":\"again\"}");
    assertThat(again.status()).as("reported once").isEqualTo(409);
    assertThat(again.json().path("detail").asText()).contains("COMPLETED");
  }

  @Test
  void an_output_that_breaks_the_contract_fails_the_call_naming_the_pointer() throws Exception {
    Setup s = service(http);
    String id = startInstance(http, s, 4);
    JsonNode call = lease(http, "w1", s.queue());
    Http.Reply r = report(http, call, "w1", "complete", ",\"output\":{\"text\":42}");
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    assertThat(r.json().path("outcome").asText()).isEqualTo("FAILED");
    assertThat(r.json().at("/error/detail").asText()).contains("/text");
    JsonNode inst = awaitEnded(http, id);
    assertThat(inst.path("status").asText()).isEqualTo("FAILED");
    assertThat(inst.at("/error/type").asText()).endsWith("validation");
  }

  @Test
  void a_failure_is_retried_as_the_contract_allows_then_reaches_the_instance() throws Exception {
    Setup s = service(http, "", "retry: { attempts: 1 }");
    String id = startInstance(http, s, 5);
    JsonNode first = lease(http, "w1", s.queue());
    Http.Reply retrying = report(http, first, "w1", "fail",
        ",\"error\":{\"type\":\"communication\",\"title\":\"Scanner offline\",\"status\":503}");
    assertThat(retrying.status()).as(retrying.text()).isEqualTo(200);
    assertThat(retrying.json().path("outcome").asText()).isEqualTo("RETRYING");
    JsonNode second = lease(http, "w2", s.queue());
    assertThat(second.path("id").asText()).isEqualTo(first.path("id").asText());
    assertThat(second.path("attempt").asInt()).isEqualTo(2);
    Http.Reply failed = report(http, second, "w2", "fail",
        ",\"error\":{\"type\":\"communication\",\"title\":\"Scanner offline\",\"status\":503,\"detail\":\"still\"}");
    assertThat(failed.json().path("outcome").asText()).as("no retry left").isEqualTo("FAILED");
    JsonNode inst = awaitEnded(http, id);
    assertThat(inst.path("status").asText()).isEqualTo("FAILED");
    assertThat(inst.at("/error/title").asText()).isEqualTo("Scanner offline");
    assertThat(inst.at("/error/status").asInt()).isEqualTo(503);
    assertThat(inst.at("/error/type").asText()).endsWith("/communication");

    String other = startInstance(http, s, 6);
    JsonNode once = lease(http, "w1", s.queue());
    Http.Reply fatal = report(http, once, "w1", "fail", ",\"error\":{\"title\":\"Unreadable\"},\"retryable\":false");
    assertThat(fatal.json().path("outcome").asText()).as("not retryable: no retry").isEqualTo("FAILED");
    assertThat(awaitEnded(http, other).at("/error/type").asText()).endsWith("/runtime");
  }

  @Test
  void a_lease_that_runs_out_offers_the_call_again_and_the_first_worker_has_lost_it() throws Exception {
    Setup s = service(http, ", lease: 1s", "retry: { attempts: 1 }");
    String id = startInstance(http, s, 7);
    JsonNode first = lease(http, "slow", s.queue());
    JsonNode second = lease(http, "quick", s.queue()); // waits until the first lease runs out
    assertThat(second.path("attempt").asInt()).isEqualTo(2);
    Http.Reply late = report(http, first, "slow", "complete", ",\"output\":{\"text\":\"late\"}");
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.json().path("detail").asText()).contains("LEASED to quick at attempt 2");
    assertThat(report(http, first, "slow", "heartbeat", "").status()).isEqualTo(409);
    Http.Reply beat = report(http, second, "quick", "heartbeat", "");
    assertThat(beat.status()).as(beat.text()).isEqualTo(200);
    assertThat(beat.json().path("leaseUntil").asText()).isNotBlank();
    assertThat(report(http, second, "quick", "complete", ",\"output\":{\"text\":\"quick\"}").status()).isEqualTo(200);
    assertThat(awaitEnded(http, id).path("output")).isEqualTo(JSON.readTree("{\"got\": \"quick\"}"));

    Setup once = service(http, ", lease: 1s", "");
    String lost = startInstance(http, once, 8);
    lease(http, "gone", once.queue());
    JsonNode inst = awaitEnded(http, lost);
    assertThat(inst.path("status").asText()).as("no retry allowed: the lease running out is the failure").isEqualTo("FAILED");
    assertThat(inst.at("/error/type").asText()).endsWith("/timeout");
    assertThat(inst.at("/error/detail").asText()).contains("gone");
  }

  @Test
  void a_heartbeat_keeps_a_call_past_its_lease() throws Exception {
    Setup s = service(http, ", lease: 1s", "retry: { attempts: 3 }");
    String id = startInstance(http, s, 9);
    JsonNode call = lease(http, "steady", s.queue());
    for (int i = 0; i < 4; i++) { // two seconds in all, twice the lease
      Thread.sleep(500);
      assertThat(report(http, call, "steady", "heartbeat", "").status()).isEqualTo(200);
    }
    assertThat(poll(http, WORKER, "thief", s.queue(), 0)).as("still leased").isEmpty();
    assertThat(report(http, call, "steady", "complete", ",\"output\":{\"text\":\"kept\"}").status()).isEqualTo(200);
    assertThat(awaitEnded(http, id).path("status").asText()).isEqualTo("COMPLETED");
  }

  @Test
  void a_call_no_worker_leases_within_the_services_timeout_fails_the_step_with_a_timeout() throws Exception {
    Setup s = service(http, ", lease: 1s, timeout: 2s", "retry: { attempts: 5 }");
    String id = startInstance(http, s, 4);
    JsonNode inst = awaitEnded(http, id);
    assertThat(inst.path("status").asText()).isEqualTo("FAILED");
    assertThat(inst.at("/error/type").asText()).endsWith("/timeout");
    assertThat(inst.at("/error/title").asText()).isEqualTo("Worker call timed out");
    assertThat(inst.at("/error/detail").asText()).contains("did not complete within 2 s").contains("no worker leased it");
    assertThat(poll(http, WORKER, "late", s.queue(), 0)).as("nothing left to lease").isEmpty();
  }

  @Test
  void a_call_kept_by_heartbeats_past_the_services_timeout_fails_and_the_late_report_is_refused() throws Exception {
    Setup s = service(http, ", lease: 1s, timeout: 2s", "retry: { attempts: 5 }");
    String id = startInstance(http, s, 5);
    JsonNode call = lease(http, "slowpoke", s.queue());
    for (int i = 0; i < 5; i++) { // 2.5 s of heartbeats: the lease never runs out, the call's time does
      Thread.sleep(500);
      report(http, call, "slowpoke", "heartbeat", "");
    }
    Http.Reply late = report(http, call, "slowpoke", "complete", ",\"output\":{\"text\":\"too late\"}");
    assertThat(late.status()).as(late.text()).isEqualTo(409);
    JsonNode inst = awaitEnded(http, id);
    assertThat(inst.path("status").asText()).isEqualTo("FAILED");
    assertThat(inst.at("/error/title").asText()).isEqualTo("Worker call timed out");
    assertThat(inst.at("/error/detail").asText()).contains("1 lease(s), the last to slowpoke");
    JsonNode stored = http.get("/api/v1/worker-calls/" + call.path("id").asText(), VIEWER).json();
    assertThat(stored.path("status").asText()).isEqualTo("FAILED");
    assertThat(java.time.Duration.between(java.time.Instant.parse(stored.path("createdAt").asText()),
        java.time.Instant.parse(stored.path("deadlineAt").asText()))).isEqualTo(java.time.Duration.ofSeconds(2));
  }

  @Test
  void cancelling_the_instance_cancels_its_calls() throws Exception {
    Setup s = service(http);
    String leased = startInstance(http, s, 10);
    JsonNode call = lease(http, "w1", s.queue());
    assertThat(http.postJson("/api/v1/instances/" + leased + "/cancel", OPERATOR, "{}").status()).isEqualTo(200);
    Http.Reply r = report(http, call, "w1", "complete", ",\"output\":{\"text\":\"too late\"}");
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().path("detail").asText()).contains("CANCELLED");

    String waiting = startInstance(http, s, 11);
    assertThat(http.get("/api/v1/instances/" + waiting, VIEWER).json().path("status").asText()).isEqualTo("RUNNING");
    assertThat(http.postJson("/api/v1/instances/" + waiting + "/cancel", OPERATOR, "{}").status()).isEqualTo(200);
    assertThat(poll(http, WORKER, "w1", s.queue(), 1500)).as("the call of a cancelled instance is not handed out").isEmpty();
  }

  @Test
  void an_instance_that_faults_in_another_branch_cancels_its_open_call() throws Exception {
    Setup s = service(http);
    Http.Reply w = http.post("/api/v1/workflows", OPERATOR, "application/yaml", """
        document: { dsl: '1.0.0', namespace: test, name: %s-fork, version: '1.0.0' }
        do:
          - both:
              fork:
                branches:
                  - read:
                      call: %s
                      with: { page: 1 }
                  - boom:
                      do:
                        - pause: { wait: PT1S }
                        - fail:
                            raise: { error: { type: 'https://example.com/boom', status: 500, title: Boom } }
        """.formatted(s.service(), s.service()));
    assertThat(w.status()).as(w.text()).isIn(200, 201);
    Http.Reply started = http.postJson("/api/v1/instances", OPERATOR, "{\"definition\":\"test/" + s.service() + "-fork\"}");
    assertThat(started.status()).as(started.text()).isEqualTo(201);
    JsonNode call = lease(http, "w1", s.queue());
    JsonNode inst = awaitEnded(http, started.json().path("id").asText());
    assertThat(inst.at("/error/title").asText()).isEqualTo("Boom");
    assertThat(http.get("/api/v1/worker-calls/" + call.path("id").asText(), VIEWER).json().path("status").asText())
        .as("cancelled with the instance that ended").isEqualTo("CANCELLED");
    assertThat(report(http, call, "w1", "complete", ",\"output\":{\"text\":\"late\"}").status()).isEqualTo(409);
  }

  @Test
  void a_waiting_poll_gets_a_call_made_while_it_waits() throws Exception {
    Setup s = service(http);
    CompletableFuture<JsonNode> polled = CompletableFuture.supplyAsync(() -> poll(http, WORKER, "patient", s.queue(), 30_000));
    Thread.sleep(300);
    String id = startInstance(http, s, 12);
    JsonNode calls = polled.get(30, TimeUnit.SECONDS);
    assertThat(calls).hasSize(1);
    assertThat(report(http, calls.get(0), "patient", "complete", ",\"output\":{\"text\":\"x\"}").status()).isEqualTo(200);
    assertThat(awaitEnded(http, id).path("status").asText()).isEqualTo("COMPLETED");
  }

  @Test
  void roles_decide_who_may_poll_and_a_worker_token_opens_nothing_else() {
    String body = "{\"worker\":\"w\",\"queues\":[\"nobody-here\"]}";
    assertThat(http.postJson("/api/v1/worker/poll", null, body).status()).isEqualTo(401);
    assertThat(http.postJson("/api/v1/worker/poll", VIEWER, body).status()).isEqualTo(403);
    assertThat(http.postJson("/api/v1/worker/poll", AGENT, body).status()).isEqualTo(403);
    assertThat(http.postJson("/api/v1/worker/poll", WORKER, body).status()).isEqualTo(200);
    assertThat(http.postJson("/api/v1/worker/poll", OPERATOR, body).status()).isEqualTo(200);
    assertThat(http.get("/api/v1/instances", WORKER).status()).isEqualTo(403);
    assertThat(http.get("/api/v1/worker-calls/x", WORKER).status()).isEqualTo(403);
    assertThat(http.get("/api/v1/nodes", WORKER).status()).isEqualTo(403);
  }

  @Test
  void bad_bodies_and_unknown_calls_are_refused_naming_the_field() {
    Map<String, String> cases = Map.of(
        "{\"worker\":\"w\",\"queues\":[\"q\"],\"colour\":1}", "/colour",
        "{\"queues\":[\"q\"]}", "/worker",
        "{\"worker\":\"w\"}", "/queues",
        "{\"worker\":\"w\",\"queues\":[\"no spaces\"]}", "/queues/0",
        "{\"worker\":\"w\",\"queues\":[\"q\"],\"max\":0}", "/max",
        "{\"worker\":\"w\",\"queues\":[\"q\"],\"waitMillis\":600000}", "/waitMillis",
        "{\"worker\":\"w\",\"queues\":\"q\"}", "/queues");
    cases.forEach((body, pointer) -> {
      Http.Reply r = http.postJson("/api/v1/worker/poll", WORKER, body);
      assertThat(r.status()).as(body + " " + r.text()).isEqualTo(400);
      assertThat(r.json().path("errors").findValuesAsText("pointer")).as(body).contains(pointer);
    });
    Http.Reply unknown = http.postJson("/api/v1/worker/calls/nope/complete", WORKER,
        "{\"worker\":\"w\",\"attempt\":1,\"output\":{}}");
    assertThat(unknown.status()).isEqualTo(404);
    Http.Reply noTitle = http.postJson("/api/v1/worker/calls/nope/fail", WORKER,
        "{\"worker\":\"w\",\"attempt\":1,\"error\":{\"status\":\"bad\",\"colour\":1}}");
    assertThat(noTitle.status()).isEqualTo(400);
    assertThat(noTitle.json().path("errors").findValuesAsText("pointer"))
        .contains("/error/title", "/error/status", "/error/colour");
    Http.Reply noAttempt = http.postJson("/api/v1/worker/calls/nope/heartbeat", WORKER, "{\"worker\":\"w\"}");
    assertThat(noAttempt.json().path("errors").findValuesAsText("pointer")).contains("/attempt");
    assertThat(http.get("/api/v1/worker-calls/nope", VIEWER).status()).isEqualTo(404);
    assertThat(http.post("/api/v1/worker/poll", WORKER, "application/json", "{not json").status()).isEqualTo(400);
  }

  @Test
  void the_worker_gets_a_secret_in_its_input_which_the_stored_call_and_the_history_mask(@TempDir Path secretDir)
      throws Exception {
    String secret = "w0rker-s3cret-value";
    TestDb.Place place = TestDb.H2.place(secretDir);
    try (WeftServer srv = WeftServer.start(new ServerSettings(place.url(), new ApiSettings("127.0.0.1", 0, TOKENS,
        Bodies.DEFAULT_LIMIT), 2, SecretSource.of(Map.of("ocrKey", TextNode.valueOf(secret)))), List.of())) {
      Http h = new Http(srv.port());
      Setup s = service(h);
      Http.Reply w = h.post("/api/v1/workflows", OPERATOR, "application/yaml", """
          document: { dsl: '1.0.0', namespace: test, name: %s-secret, version: '1.0.0' }
          use: { secrets: [ocrKey] }
          do:
            - read:
                call: %s
                with: { page: 1, key: '${ $secrets.ocrKey }' }
          """.formatted(s.service(), s.service()));
      assertThat(w.status()).as(w.text()).isIn(200, 201);
      Http.Reply started = h.postJson("/api/v1/instances", OPERATOR, "{\"definition\":\"test/" + s.service() + "-secret\"}");
      String id = started.json().path("id").asText();
      JsonNode call = lease(h, "w1", s.queue());
      assertThat(call.at("/input/key").asText()).as("revealed to the worker").isEqualTo(secret);
      String stored = h.get("/api/v1/worker-calls/" + call.path("id").asText(), VIEWER).text();
      assertThat(stored).contains("ocrKey").doesNotContain(secret);
      assertThat(report(h, call, "w1", "complete", ",\"output\":{\"text\":\"key " + secret + "\"}").status())
          .isEqualTo(200);
      Workflows.awaitEnd(h, VIEWER, id);
      assertThat(h.get("/api/v1/instances/" + id, VIEWER).text()).doesNotContain(secret);
      assertThat(h.get("/api/v1/instances/" + id + "/history", VIEWER).text()).doesNotContain(secret);
    } finally {
      place.dispose().run();
    }
  }

  @Test
  void on_postgresql_the_call_and_its_result_go_through_the_same_way(@TempDir Path pgDir) throws Exception {
    try (RunningServer pg = RunningServer.start(TestDb.POSTGRES, pgDir, TOKENS, List.of())) {
      Http h = pg.http();
      Setup s = service(h);
      String id = startInstance(h, s, 13);
      JsonNode call = lease(h, "pg-worker", s.queue());
      assertThat(call.path("input")).isEqualTo(JSON.readTree("{\"page\": 13}"));
      assertThat(report(h, call, "pg-worker", "complete", ",\"output\":{\"text\":\"thirteen\"}").status()).isEqualTo(200);
      assertThat(awaitEnded(h, id).path("output")).isEqualTo(JSON.readTree("{\"got\": \"thirteen\"}"));
    }
  }

  @Test
  void a_poll_waiting_when_the_server_stops_is_answered_empty_before_the_server_goes() throws Exception {
    try (RunningServer own = RunningServer.start(TestDb.H2, dir, TOKENS, List.of())) {
      Setup s = service(own.http());
      CompletableFuture<JsonNode> waiting = CompletableFuture.supplyAsync(() -> poll(own.http(), WORKER, "w1", s.queue(), 30_000));
      Thread.sleep(300);
      assertThat(waiting).as("the poll waits: no call made").isNotDone();
      own.server().close();
      assertThat(waiting).as("answered while the server stopped, not cut off").isDone();
      assertThat(waiting.get()).as("no calls (poll() checked the 200)").isEmpty();
    }
  }
}
