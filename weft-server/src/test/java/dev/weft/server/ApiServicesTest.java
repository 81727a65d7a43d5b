package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.server.api.auth.Tokens;
import dev.weft.server.runtime.TestDb;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/v1/services} over real sockets: roles, versions, and every refusal naming its place. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ApiServicesTest {
  static final String OPERATOR = "operator-token-0123456789";
  static final String VIEWER = "viewer-token-0123456789";
  static final String AGENT = "agent-token-0123456789";
  static final String CUBE = """
      kind: service
      name: cube
      version: 1.0.0
      interface: { operation: cube, input: "{x}", output: "x*x*x" }
      contract:
        input: { type: object, required: [x], properties: { x: { type: integer } } }
        output: { type: integer }
        timeout: 10s
      behaviour:
        process:
          command: 'echo $((WEFT_INPUT_X * WEFT_INPUT_X * WEFT_INPUT_X))'
          resources: { cpu: 0.25, memory: 32 }
          queue: root.default
      """;

  @TempDir
  static Path dir;
  static RunningServer server;
  static Http http;

  @BeforeAll
  static void start() {
    server = RunningServer.start(TestDb.H2, dir, Tokens.parse(OPERATOR + " operator ci\n" + VIEWER + " viewer v\n"
        + AGENT + " agent node\n", "tokens"), List.of());
    http = server.http();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void a_service_is_registered_read_and_listed_with_the_builtins() {
    Http.Reply created = http.post("/api/v1/services", OPERATOR, "application/yaml", CUBE);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    assertThat(created.header("Location")).isEqualTo("/api/v1/services/cube/versions/1.0.0");
    assertThat(http.post("/api/v1/services", OPERATOR, "application/yaml", CUBE).status()).as("the same again").isEqualTo(201);
    Http.Reply next = http.send("PUT", "/api/v1/services/cube", OPERATOR, "application/yaml",
        CUBE.replace("version: 1.0.0", "version: 1.1.0"));
    assertThat(next.status()).as(next.text()).isEqualTo(201);
    assertThat(next.json().path("revision").asInt()).isEqualTo(2);

    Http.Reply latest = http.get("/api/v1/services/cube", VIEWER);
    assertThat(latest.status()).isEqualTo(200);
    assertThat(latest.json().path("version").asText()).isEqualTo("1.1.0");
    assertThat(latest.json().path("versions").toString()).isEqualTo("[\"1.0.0\",\"1.1.0\"]");
    assertThat(latest.json().at("/document/behaviour/process/queue").asText()).isEqualTo("root.default");
    assertThat(http.get("/api/v1/services/cube/versions/1.0.0", VIEWER).json().path("revision").asInt()).isEqualTo(1);
    Http.Reply square = http.get("/api/v1/services/square", VIEWER);
    assertThat(square.status()).isEqualTo(200);
    assertThat(square.json().path("builtin").asBoolean()).isTrue();
    assertThat(square.json().at("/document/contract/input/required/0").asText()).isEqualTo("x");
    Http.Reply list = http.get("/api/v1/services", VIEWER);
    assertThat(list.json().path("items").findValuesAsText("name")).contains("square", "cube");
  }

  @Test
  void roles_decide_who_may_register() {
    assertThat(http.get("/api/v1/services", null).status()).isEqualTo(401);
    assertThat(http.post("/api/v1/services", null, "application/yaml", CUBE).status()).isEqualTo(401);
    assertThat(http.post("/api/v1/services", VIEWER, "application/yaml", CUBE).status()).isEqualTo(403);
    assertThat(http.get("/api/v1/services", AGENT).status()).as("an agent token opens only the agent protocol").isEqualTo(403);
    assertThat(http.get("/api/v1/services", VIEWER).status()).isEqualTo(200);
  }

  @Test
  void an_invalid_document_is_refused_with_every_problem_and_its_pointer() {
    Http.Reply r = http.post("/api/v1/services", OPERATOR, "application/yaml", """
        kind: service
        name: "bad name!"
        version: 1.0.0
        colour: blue
        contract:
          input: { type: 12 }
          timeout: soon
          retry: { attempts: many, delay: 2 weeks, backoff: fibonacci, maxDelay: 2d, jitter: true }
        behaviour:
          process: { command: 'true', argv: [x], resources: { cpu: lots }, queue: "Not A Queue" }
        """);
    assertThat(r.status()).as(r.text()).isEqualTo(422);
    assertThat(r.json().path("errors").findValuesAsText("pointer")).contains("/name", "/colour", "/contract/input/type",
        "/contract/timeout", "/behaviour/process", "/behaviour/process/resources/cpu", "/behaviour/process/queue",
        "/contract/retry/attempts", "/contract/retry/delay", "/contract/retry/backoff", "/contract/retry/maxDelay",
        "/contract/retry/jitter");
    assertThat(r.text()).doesNotContain("Exception");
  }

  @Test
  void a_worker_behaviour_is_registered_and_its_mistakes_are_named_by_pointer() {
    Http.Reply ok = http.post("/api/v1/services", OPERATOR, "application/json",
        "{\"kind\":\"service\",\"name\":\"w\",\"version\":\"1\",\"behaviour\":{\"worker\":{\"queue\":\"q\"}}}");
    assertThat(ok.status()).as(ok.text()).isEqualTo(201);
    Http.Reply bad = http.post("/api/v1/services", OPERATOR, "application/yaml", """
        kind: service
        name: w-bad
        version: 1.0.0
        contract: { timeout: 10s }
        behaviour:
          worker: { queue: "not a queue", lease: 2h, colour: red }
        """);
    assertThat(bad.status()).as(bad.text()).isEqualTo(422);
    assertThat(bad.json().path("errors").findValuesAsText("pointer")).containsExactlyInAnyOrder("/contract/timeout",
        "/behaviour/worker/queue", "/behaviour/worker/lease", "/behaviour/worker/colour");
    Http.Reply shortCall = http.post("/api/v1/services", OPERATOR, "application/yaml", """
        kind: service
        name: w-short
        version: 1.0.0
        behaviour:
          worker: { queue: q, lease: 1m, timeout: 30s }
        """);
    assertThat(shortCall.status()).as(shortCall.text()).isEqualTo(422);
    assertThat(shortCall.json().at("/errors/0/pointer").asText()).isEqualTo("/behaviour/worker/timeout");
    assertThat(shortCall.json().at("/errors/0/message").asText())
        .isEqualTo("expected between the lease (60 s) and 30 days, got \"30s\"");
    Http.Reply unknown = http.post("/api/v1/services", OPERATOR, "application/json",
        "{\"kind\":\"service\",\"name\":\"w\",\"version\":\"1\",\"behaviour\":{\"robot\":{}}}");
    assertThat(unknown.json().at("/errors/0/message").asText()).contains("unknown behaviour 'robot'");
    Http.Reply builtin = http.post("/api/v1/services", OPERATOR, "application/json",
        "{\"kind\":\"service\",\"name\":\"b\",\"version\":\"1\",\"behaviour\":{\"builtin\":\"cube\"}}");
    assertThat(builtin.json().at("/errors/0/message").asText()).contains("no builtin named \"cube\"");
  }

  @Test
  void a_workflow_behaviour_is_registered_and_its_mistakes_are_named_by_pointer() {
    Http.Reply ok = http.post("/api/v1/services", OPERATOR, "application/yaml", """
        kind: service
        name: fulfil
        version: 1.0.0
        contract: { input: { type: object }, output: { type: object } }
        behaviour:
          workflow: { namespace: shop, name: fulfil-order, version: 2.1.0 }
        """);
    assertThat(ok.status()).as(ok.text()).isEqualTo(201);
    assertThat(http.get("/api/v1/services/fulfil", VIEWER).json().at("/document/behaviour/workflow/name").asText())
        .isEqualTo("fulfil-order");
    Http.Reply bare = http.post("/api/v1/services", OPERATOR, "application/yaml",
        "{kind: service, name: fulfil-any, version: 1.0.0, behaviour: {workflow: {name: fulfil-order, version: 2.1.0}}}");
    assertThat(bare.status()).as("no contract: anything in, anything out; " + bare.text()).isEqualTo(201);
    Http.Reply bad = http.post("/api/v1/services", OPERATOR, "application/yaml", """
        kind: service
        name: fulfil-bad
        version: 1.0.0
        contract: { timeout: 10s, retry: { attempts: 2 } }
        behaviour:
          workflow: { namespace: "Shop Floor", name: 7, colour: red }
        """);
    assertThat(bad.status()).as(bad.text()).isEqualTo(422);
    assertThat(bad.json().path("errors").findValuesAsText("pointer")).containsExactlyInAnyOrder(
        "/behaviour/workflow/colour", "/behaviour/workflow/namespace", "/behaviour/workflow/name",
        "/behaviour/workflow/version", "/contract/timeout", "/contract/retry");
    assertThat(bad.text()).contains("give the workflow document its own 'timeout'").doesNotContain("Exception");
  }

  @Test
  void a_stored_version_cannot_change_and_bad_requests_name_their_place() {
    String v = CUBE.replace("name: cube", "name: fixed");
    assertThat(http.post("/api/v1/services", OPERATOR, "application/yaml", v).status()).isEqualTo(201);
    Http.Reply changed = http.post("/api/v1/services", OPERATOR, "application/yaml", v.replace("timeout: 10s", "timeout: 20s"));
    assertThat(changed.status()).isEqualTo(409);
    assertThat(changed.json().at("/errors/0/pointer").asText()).isEqualTo("/version");
    Http.Reply mismatch = http.send("PUT", "/api/v1/services/other", OPERATOR, "application/yaml", v);
    assertThat(mismatch.status()).isEqualTo(400);
    assertThat(mismatch.json().at("/errors/0/pointer").asText()).isEqualTo("/name");
    assertThat(http.post("/api/v1/services", OPERATOR, "application/yaml", "").status()).isEqualTo(400);
    assertThat(http.post("/api/v1/services", OPERATOR, "text/plain", v).status()).isEqualTo(415);
    assertThat(http.post("/api/v1/services", OPERATOR, "application/yaml", "kind: [unclosed").status()).isEqualTo(422);
    assertThat(http.get("/api/v1/services/nope", VIEWER).status()).isEqualTo(404);
    assertThat(http.get("/api/v1/services/fixed/versions/9.9.9", VIEWER).status()).isEqualTo(404);
  }

  @Test
  void the_openapi_document_describes_the_services_routes() {
    Http.Reply doc = http.get("/api/v1/openapi.json", null);
    assertThat(doc.json().at("/paths").has("/api/v1/services")).isTrue();
    assertThat(doc.json().at("/paths/~1api~1v1~1services~1{name}/put")).isNotNull();
    assertThat(doc.json().at("/paths").has("/api/v1/instances/{id}/tasks")).isTrue();
  }
}
