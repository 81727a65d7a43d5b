package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.server.api.auth.Tokens;
import dev.weft.server.runtime.TestDb;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cancel, suspend, resume, retry, signal and publish through the API, on the multi-threaded engine. */
class ApiInstanceOperationsTest {
  static final String HEAR = """
      document:
        dsl: '1.0.0'
        namespace: api-test
        name: hear
        version: '0.1.0'
      do:
        - hear:
            listen: { to: { one: { with: { type: go } } } }
        - out:
            set: { heard: '${ .[0].word }' }
      """;
  static final String ON_ORDER = """
      document:
        dsl: '1.0.0'
        namespace: api-test
        name: on-order
        version: '0.1.0'
      schedule:
        on:
          one: { with: { type: api-test.order.placed } }
      do:
        - out:
            set: { order: '${ .[0].data.order }', source: '${ .[0].source }' }
      """;
  static final String UNREACHABLE = """
      document:
        dsl: '1.0.0'
        namespace: api-test
        name: unreachable
        version: '0.1.0'
      do:
        - call:
            call: http
            with:
              method: get
              endpoint: http://127.0.0.1:1/nothing
      """;

  @TempDir
  static Path dir;
  static RunningServer server;
  static Http http;

  @BeforeAll
  static void start() {
    server = RunningServer.start(TestDb.H2, dir, Tokens.none(), List.of());
    http = server.http();
    for (String doc : List.of(HEAR, Workflows.RAISE, UNREACHABLE, ON_ORDER)) {
      assertThat(http.post("/api/v1/workflows", null, "application/yaml", doc).status()).isEqualTo(201);
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void suspend_resume_and_signal_carry_an_instance_to_its_end() {
    String id = start("api-test/hear");
    Http.Reply s = http.postJson("/api/v1/instances/" + id + "/suspend", null, "{\"reason\":\"maintenance\"}");
    assertThat(s.status()).as(s.text()).isEqualTo(200);
    assertThat(s.json().path("status").asText()).isEqualTo("SUSPENDED");
    Http.Reply again = http.send("POST", "/api/v1/instances/" + id + "/suspend", null, null, null);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().path("detail").asText()).contains("only a running instance can be suspended");
    Http.Reply r = http.send("POST", "/api/v1/instances/" + id + "/resume", null, null, null);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    assertThat(r.json().path("status").asText()).isEqualTo("RUNNING");
    Http.Reply sig = http.post("/api/v1/instances/" + id + "/signal", null, "application/cloudevents+json",
        "{\"type\":\"go\",\"source\":\"test\",\"id\":\"e1\",\"data\":{\"word\":\"hello\"}}");
    assertThat(sig.status()).as(sig.text()).isEqualTo(200);
    assertThat(sig.json().path("consumed").asBoolean()).isTrue();
    JsonNode end = Workflows.awaitEnd(http, null, id);
    assertThat(end.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(end.path("output").path("heard").asText()).isEqualTo("hello");
    List<String> types = new ArrayList<>();
    http.get("/api/v1/instances/" + id + "/history", null).json().path("events").forEach(e -> types.add(e.path("type").asText()));
    assertThat(String.join(",", types)).contains("Suspended", "Resumed", "EventReceived");
  }

  @Test
  void a_published_event_starts_a_workflow_scheduled_on_it_once_even_when_published_again() {
    String event = "{\"type\":\"api-test.order.placed\",\"source\":\"shop\",\"id\":\"o-1\",\"data\":{\"order\":42}}";
    Http.Reply first = http.post("/api/v1/events", null, "application/cloudevents+json", event);
    assertThat(first.status()).as(first.text()).isEqualTo(200);
    assertThat(first.json().path("started")).hasSize(1);
    String id = first.json().path("started").get(0).asText();
    Http.Reply again = http.post("/api/v1/events", null, "application/cloudevents+json", event);
    assertThat(again.status()).as(again.text()).isEqualTo(200);
    assertThat(again.json().path("started")).as("a retried publish starts nothing").isEmpty();
    JsonNode end = Workflows.awaitEnd(http, null, id);
    assertThat(end.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(end.path("output").path("order").asInt()).isEqualTo(42);
    assertThat(end.path("output").path("source").asText()).isEqualTo("shop");
  }

  @Test
  void a_published_event_reaches_every_listening_instance() {
    String a = start("api-test/hear");
    String b = start("api-test/hear");
    Http.Reply p = http.postJson("/api/v1/events", null, "{\"type\":\"go\",\"source\":\"test\",\"id\":\"p1\",\"data\":{\"word\":\"all\"}}");
    assertThat(p.status()).as(p.text()).isEqualTo(200);
    List<String> consumed = new ArrayList<>();
    p.json().path("consumedBy").forEach(n -> consumed.add(n.asText()));
    assertThat(consumed).contains(a, b);
    assertThat(Workflows.awaitEnd(http, null, a).path("output").path("heard").asText()).isEqualTo("all");
    assertThat(Workflows.awaitEnd(http, null, b).path("output").path("heard").asText()).isEqualTo("all");
  }

  @Test
  void cancel_ends_an_instance_once_and_a_second_cancel_is_refused() {
    String id = start("api-test/hear");
    Http.Reply c = http.send("POST", "/api/v1/instances/" + id + "/cancel", null, null, null);
    assertThat(c.status()).as(c.text()).isEqualTo(200);
    assertThat(c.json().path("status").asText()).isEqualTo("CANCELLED");
    Http.Reply again = http.send("POST", "/api/v1/instances/" + id + "/cancel", null, null, null);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).isEqualTo("application/problem+json");
    assertThat(again.json().path("detail").asText()).contains("cannot cancel instance " + id + " (CANCELLED)");
  }

  @Test
  void retry_runs_a_failed_call_again_and_is_refused_for_a_raise() {
    String call = start("api-test/unreachable");
    assertThat(Workflows.awaitEnd(http, null, call).path("status").asText()).isEqualTo("FAILED");
    Http.Reply r = http.send("POST", "/api/v1/instances/" + call + "/retry", null, null, null);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    assertThat(r.json().path("status").asText()).isIn("RUNNING", "PENDING");
    assertThat(Workflows.awaitEnd(http, null, call).path("status").asText()).as("the port is still closed").isEqualTo("FAILED");
    List<String> types = new ArrayList<>();
    http.get("/api/v1/instances/" + call + "/history", null).json().path("events").forEach(e -> types.add(e.path("type").asText()));
    assertThat(types).contains("RetryRequested");
    assertThat(types.stream().filter(t -> t.equals("CommandFailed")).count()).isEqualTo(2);

    String raise = start("api-test/raise");
    assertThat(Workflows.awaitEnd(http, null, raise).path("status").asText()).isEqualTo("FAILED");
    Http.Reply refused = http.send("POST", "/api/v1/instances/" + raise + "/retry", null, null, null);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().path("detail").asText()).contains("not a command");
  }

  @Test
  void the_server_starts_a_scheduled_workflow_when_it_is_due() throws InterruptedException {
    String ticker = """
        document: { dsl: '1.0.0', namespace: api-test, name: ticker, version: '0.1.0' }
        schedule: { every: PT1S }
        do:
          - tick:
              set: { ticked: true }
        """;
    assertThat(http.post("/api/v1/workflows", null, "application/yaml", ticker).status()).isEqualTo(201);
    long deadline = System.nanoTime() + 60_000_000_000L; // a liveness bound, not a speed check
    while (true) {
      JsonNode items = http.get("/api/v1/instances?definition=api-test/ticker&status=COMPLETED", null).json().path("items");
      if (items.size() > 0) {
        String id = items.get(0).path("id").asText();
        assertThat(http.get("/api/v1/instances/" + id, null).json().path("output").path("ticked").asBoolean()).isTrue();
        return;
      }
      assertThat(System.nanoTime()).as("no run of the scheduled workflow completed in a minute").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  @Test
  void operations_on_an_unknown_instance_are_404() {
    for (String op : List.of("cancel", "suspend", "resume", "retry")) {
      assertThat(http.send("POST", "/api/v1/instances/nope/" + op, null, null, null).status()).as(op).isEqualTo(404);
    }
    assertThat(http.postJson("/api/v1/instances/nope/signal", null, "{\"type\":\"go\"}").status()).isEqualTo(404);
  }

  private static String start(String definition) {
    Http.Reply r = http.postJson("/api/v1/instances", null, "{\"definition\":\"" + definition + "\"}");
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    return r.json().path("id").asText();
  }
}
