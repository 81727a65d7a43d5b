package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.HandlerType;
import dev.weft.server.api.Access;
import dev.weft.server.api.ApiResource;
import dev.weft.server.api.ApiRoute;
import dev.weft.server.api.auth.Tokens;
import dev.weft.server.runtime.TestDb;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input to every endpoint: a 4xx problem detail naming the field (JSON pointer) or
 * parameter, never a 500, and nothing stored by a refused request.
 */
class ApiBadInputTest {
  private static final String JSON = "application/json";
  private static final String YAML = "application/yaml";
  private static final String HUGE = "{\"definition\":\"api-test/square\",\"input\":{\"pad\":\"" + "x".repeat(2 << 20) + "\"}}";

  @TempDir
  static Path dir;
  static RunningServer server;
  static Http http;

  @BeforeAll
  static void start() {
    ApiResource buggy = routes -> routes.add(new ApiRoute(HandlerType.GET, "/api/v1/buggy", Access.READ, "a route with a bug",
        List.of(), null, Map.of(200, "never"), ctx -> {
          throw new IllegalStateException("internal detail that must stay in the log");
        }));
    server = RunningServer.start(TestDb.H2, dir, Tokens.none(), List.of(buggy));
    http = server.http();
    assertThat(http.post("/api/v1/workflows", null, YAML, Workflows.SQUARE).status()).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A bad request: what is sent, the status expected, and the place the problem must name ("" for none). */
  record Bad(String what, String method, String path, String contentType, String body, int status, String place,
      String... headers) {
    @Override
    public String toString() {
      return what;
    }
  }

  static Stream<Arguments> table() {
    String longName = Workflows.SQUARE.replace("name: square", "name: " + "n".repeat(250));
    return Stream.of(
        new Bad("a workflow with an empty body", "POST", "/api/v1/workflows", YAML, "", 400, "pointer:"),
        new Bad("a workflow as form data", "POST", "/api/v1/workflows", "application/x-www-form-urlencoded", "a=b", 415,
            "parameter:Content-Type"),
        new Bad("a workflow without Content-Type", "POST", "/api/v1/workflows", null, Workflows.SQUARE, 415, "parameter:Content-Type"),
        new Bad("a workflow that is not YAML", "POST", "/api/v1/workflows", YAML, "do: [unclosed", 422, "pointer:"),
        new Bad("a workflow with a misspelt task", "POST", "/api/v1/workflows", YAML,
            Workflows.SQUARE.replace("set:", "sett:"), 422, "pointer:/do/1/wrap"),
        new Bad("a workflow whose then goes nowhere", "POST", "/api/v1/workflows", YAML,
            Workflows.SQUARE.replace("      set:", "      then: nowhere\n      set:"), 422, "pointer:/do/1/wrap/then"),
        new Bad("a workflow whose external input schema cannot be read", "POST", "/api/v1/workflows", YAML,
            Workflows.SQUARE.replace("do:\n", "input: { schema: { resource: { endpoint: 'file:///nonexistent/weft/order.json' } } }\ndo:\n"),
            422, "pointer:/input/schema/resource/endpoint"),
        new Bad("a workflow whose external output schema has no server", "POST", "/api/v1/workflows", YAML,
            Workflows.SQUARE.replace("do:\n", "output: { schema: { resource: { endpoint: 'http://127.0.0.1:1/order.json' } } }\ndo:\n"),
            422, "pointer:/output/schema/resource/endpoint"),
        new Bad("a workflow with a 250-character name", "POST", "/api/v1/workflows", YAML, longName, 422, "pointer:/document/name"),
        new Bad("a workflow of 2 MiB", "POST", "/api/v1/workflows", YAML, HUGE, 413, ""),
        new Bad("a workflow list with limit=abc", "GET", "/api/v1/workflows?limit=abc", null, null, 400, "parameter:limit"),
        new Bad("a workflow list with limit=0", "GET", "/api/v1/workflows?limit=0", null, null, 400, "parameter:limit"),
        new Bad("a workflow list with a forged cursor", "GET", "/api/v1/workflows?cursor=!!!", null, null, 400, "parameter:cursor"),
        new Bad("a workflow list with an unknown parameter", "GET", "/api/v1/workflows?sort=name", null, null, 400, "parameter:sort"),
        new Bad("an unknown workflow", "GET", "/api/v1/workflows/api-test/nope", null, null, 404, ""),
        new Bad("a version that is not a number", "GET", "/api/v1/workflows/api-test/square/versions/one", null, null, 400,
            "parameter:version"),
        new Bad("an unknown version", "GET", "/api/v1/workflows/api-test/square/versions/99", null, null, 404, ""),
        new Bad("a start with an unknown field", "POST", "/api/v1/instances", JSON,
            "{\"definition\":\"api-test/square\",\"inputs\":{}}", 400, "pointer:/inputs"),
        new Bad("a start with the version as a string", "POST", "/api/v1/instances", JSON,
            "{\"definition\":\"api-test/square\",\"version\":\"1\"}", 400, "pointer:/version"),
        new Bad("a start with a fractional version", "POST", "/api/v1/instances", JSON,
            "{\"definition\":\"api-test/square\",\"version\":1.5}", 400, "pointer:/version"),
        new Bad("a start with version 0", "POST", "/api/v1/instances", JSON,
            "{\"definition\":\"api-test/square\",\"version\":0}", 400, "pointer:/version"),
        new Bad("a start with the definition as a number", "POST", "/api/v1/instances", JSON, "{\"definition\":5}", 400,
            "pointer:/definition"),
        new Bad("a start with the definition as an object", "POST", "/api/v1/instances", JSON, "{\"definition\":{}}", 400,
            "pointer:/definition"),
        new Bad("a start without a definition", "POST", "/api/v1/instances", JSON, "{\"input\":{}}", 400, "pointer:/definition"),
        new Bad("a start with a duplicate key", "POST", "/api/v1/instances", JSON,
            "{\"definition\":\"api-test/square\",\"definition\":\"x\"}", 400, "pointer:"),
        new Bad("a start that is not JSON", "POST", "/api/v1/instances", JSON, "{definition:", 400, "pointer:"),
        new Bad("a start that is an array", "POST", "/api/v1/instances", JSON, "[1,2]", 400, "pointer:"),
        new Bad("a start that is null", "POST", "/api/v1/instances", JSON, "null", 400, "pointer:"),
        new Bad("a start with trailing content", "POST", "/api/v1/instances", JSON,
            "{\"definition\":\"api-test/square\"} {}", 400, "pointer:"),
        new Bad("a start as YAML", "POST", "/api/v1/instances", YAML, "definition: api-test/square", 415,
            "parameter:Content-Type"),
        new Bad("a start of an unknown workflow", "POST", "/api/v1/instances", JSON, "{\"definition\":\"api-test/nope\"}", 404,
            "pointer:/definition"),
        new Bad("a start of an unknown version", "POST", "/api/v1/instances", JSON,
            "{\"definition\":\"api-test/square\",\"version\":7}", 404, "pointer:/version"),
        new Bad("a start of 2 MiB", "POST", "/api/v1/instances", JSON, HUGE, 413, ""),
        new Bad("a start with a 300-character Idempotency-Key", "POST", "/api/v1/instances", JSON,
            "{\"definition\":\"api-test/square\"}", 400, "parameter:Idempotency-Key", "Idempotency-Key", "k".repeat(300)),
        new Bad("an instance list with an unknown status", "GET", "/api/v1/instances?status=DONE", null, null, 400,
            "parameter:status"),
        new Bad("an instance list with limit=100000", "GET", "/api/v1/instances?limit=100000", null, null, 400, "parameter:limit"),
        new Bad("an instance list with a forged cursor", "GET", "/api/v1/instances?cursor=bm90LWEtY3Vyc29y", null, null, 400,
            "parameter:cursor"),
        new Bad("an instance list with limit given twice", "GET", "/api/v1/instances?limit=1&limit=2", null, null, 400,
            "parameter:limit"),
        new Bad("an unknown instance", "GET", "/api/v1/instances/nope", null, null, 404, ""),
        new Bad("an instance id of 5000 characters", "GET", "/api/v1/instances/" + "i".repeat(5000), null, null, 404, ""),
        new Bad("the history of an unknown instance", "GET", "/api/v1/instances/nope/history", null, null, 404, ""),
        new Bad("a start nested 5000 levels deep", "POST", "/api/v1/instances", JSON,
            "{\"definition\":\"api-test/square\",\"input\":" + "[".repeat(5000) + "]".repeat(5000) + "}", 400, "pointer:/input"),
        new Bad("an instance id with a NUL byte", "GET", "/api/v1/instances/%00", null, null, 400, ""),
        new Bad("a cancel of an unknown instance", "POST", "/api/v1/instances/nope/cancel", null, null, 404, ""),
        new Bad("a suspend of an unknown instance", "POST", "/api/v1/instances/nope/suspend", null, null, 404, ""),
        new Bad("a resume of an unknown instance", "POST", "/api/v1/instances/nope/resume", null, null, 404, ""),
        new Bad("a retry of an unknown instance", "POST", "/api/v1/instances/nope/retry", null, null, 404, ""),
        new Bad("a cancel with an unknown field", "POST", "/api/v1/instances/nope/cancel", JSON, "{\"why\":\"x\"}", 400,
            "pointer:/why"),
        new Bad("a suspend with the reason as a number", "POST", "/api/v1/instances/nope/suspend", JSON, "{\"reason\":5}", 400,
            "pointer:/reason"),
        new Bad("a cancel reason as YAML", "POST", "/api/v1/instances/nope/cancel", YAML, "reason: x", 415,
            "parameter:Content-Type"),
        new Bad("a signal without a type", "POST", "/api/v1/instances/nope/signal", JSON, "{\"source\":\"x\"}", 400,
            "pointer:/type"),
        new Bad("a signal that is an array", "POST", "/api/v1/instances/nope/signal", JSON, "[]", 400, "pointer:"),
        new Bad("a signal to an unknown instance", "POST", "/api/v1/instances/nope/signal", JSON, "{\"type\":\"go\"}", 404, ""),
        new Bad("a signal with an empty body", "POST", "/api/v1/instances/nope/signal", JSON, "", 400, "pointer:"),
        new Bad("an event with the type as a number", "POST", "/api/v1/events", JSON, "{\"type\":5}", 400, "pointer:/type"),
        new Bad("an event with the id as an object", "POST", "/api/v1/events", JSON, "{\"type\":\"t\",\"id\":{}}", 400,
            "pointer:/id"),
        new Bad("an event of 2 MiB", "POST", "/api/v1/events", JSON, HUGE, 413, ""),
        new Bad("an event as text", "POST", "/api/v1/events", "text/plain", "go", 415, "parameter:Content-Type"),
        new Bad("a job with an unknown field", "POST", "/api/v1/jobs", JSON, "{\"task\":{},\"size\":3}", 400, "pointer:/size"),
        new Bad("a job with neither task nor tasks", "POST", "/api/v1/jobs", JSON, "{\"id\":\"j\"}", 400, "pointer:/task"),
        new Bad("a job with both task and tasks", "POST", "/api/v1/jobs", JSON, "{\"task\":{},\"tasks\":[]}", 400,
            "pointer:/tasks"),
        new Bad("a job with count 0", "POST", "/api/v1/jobs", JSON, "{\"task\":{\"resources\":{\"cpu\":1}},\"count\":0}", 400,
            "pointer:/count"),
        new Bad("a job with count as a string", "POST", "/api/v1/jobs", JSON, "{\"task\":{},\"count\":\"3\"}", 400,
            "pointer:/count"),
        new Bad("a job with count 10 million", "POST", "/api/v1/jobs", JSON,
            "{\"task\":{\"resources\":{\"cpu\":1}},\"count\":10000000}", 400, "pointer:/count"),
        new Bad("a job with an id holding a space", "POST", "/api/v1/jobs", JSON, "{\"id\":\"a b\",\"task\":{}}", 400,
            "pointer:/id"),
        new Bad("a job whose task has a misspelt field", "POST", "/api/v1/jobs", JSON,
            "{\"task\":{\"resources\":{\"cpu\":1},\"priorty\":3}}", 400, "pointer:/task/priorty"),
        new Bad("a job whose task asks negative cpu", "POST", "/api/v1/jobs", JSON, "{\"task\":{\"resources\":{\"cpu\":-1}}}", 400,
            "pointer:/task/resources/cpu"),
        new Bad("a job whose tasks is an object", "POST", "/api/v1/jobs", JSON, "{\"tasks\":{}}", 400, "pointer:/tasks"),
        new Bad("a job whose second task is a number", "POST", "/api/v1/jobs", JSON,
            "{\"tasks\":[{\"id\":\"a\",\"resources\":{\"cpu\":1}},5]}", 400, "pointer:/tasks/1"),
        new Bad("a job whose task depends on a stranger", "POST", "/api/v1/jobs", JSON,
            "{\"id\":\"d\",\"tasks\":[{\"id\":\"d/a\",\"resources\":{\"cpu\":1},\"dependsOn\":[\"x\"]}]}", 400, "pointer:/tasks/0/dependsOn/0"),
        new Bad("a job whose tasks form a cycle", "POST", "/api/v1/jobs", JSON,
            "{\"id\":\"c\",\"tasks\":[{\"id\":\"c/a\",\"resources\":{\"cpu\":1},\"dependsOn\":[\"c/b\"]},"
                + "{\"id\":\"c/b\",\"resources\":{\"cpu\":1},\"dependsOn\":[\"c/a\"]}]}", 400, "pointer:/tasks"),
        new Bad("a job whose task names another job", "POST", "/api/v1/jobs", JSON,
            "{\"id\":\"j\",\"task\":{\"job\":\"other\",\"resources\":{\"cpu\":1}}}", 400, "pointer:/task/job"),
        new Bad("a job whose task id has 300 characters", "POST", "/api/v1/jobs", JSON,
            "{\"tasks\":[{\"id\":\"" + "t".repeat(300) + "\",\"resources\":{\"cpu\":1}}]}", 400, "pointer:/tasks/0/id"),
        new Bad("a job whose queue has 300 characters", "POST", "/api/v1/jobs", JSON,
            "{\"task\":{\"queue\":\"root." + "q".repeat(300) + "\",\"resources\":{\"cpu\":1}}}", 400, "pointer:/task/queue"),
        new Bad("a job with a 300-character name", "POST", "/api/v1/jobs", JSON,
            "{\"name\":\"" + "n".repeat(300) + "\",\"task\":{\"resources\":{\"cpu\":1}}}", 400, "pointer:/name"),
        new Bad("a job with both delay and notBefore", "POST", "/api/v1/jobs", JSON,
            "{\"task\":{},\"delay\":\"5s\",\"notBefore\":\"2030-01-01T00:00:00Z\"}", 400, "pointer:/delay"),
        new Bad("a job with a delay of 'soon'", "POST", "/api/v1/jobs", JSON, "{\"task\":{},\"delay\":\"soon\"}", 400,
            "pointer:/delay"),
        new Bad("a job with a delay of two years", "POST", "/api/v1/jobs", JSON, "{\"task\":{},\"delay\":\"730d\"}", 400,
            "pointer:/delay"),
        new Bad("a job with a delay as a number", "POST", "/api/v1/jobs", JSON, "{\"task\":{},\"delay\":5}", 400,
            "pointer:/delay"),
        new Bad("a job with notBefore not an instant", "POST", "/api/v1/jobs", JSON,
            "{\"task\":{},\"notBefore\":\"tomorrow\"}", 400, "pointer:/notBefore"),
        new Bad("a job with notBefore in the year 9999", "POST", "/api/v1/jobs", JSON,
            "{\"task\":{},\"notBefore\":\"9999-01-01T00:00:00Z\"}", 400, "pointer:/notBefore"),
        new Bad("a job of 2 MiB", "POST", "/api/v1/jobs", JSON, HUGE, 413, ""),
        new Bad("a job list with limit=-1", "GET", "/api/v1/jobs?limit=-1", null, null, 400, "parameter:limit"),
        new Bad("an unknown job", "GET", "/api/v1/jobs/nope", null, null, 404, ""),
        new Bad("a cancel of an unknown job", "POST", "/api/v1/jobs/nope/cancel", null, null, 404, ""),
        new Bad("an unknown task", "GET", "/api/v1/tasks/nope", null, null, 404, ""),
        new Bad("the explanation of an unknown task", "GET", "/api/v1/tasks/no/pe/explain", null, null, 404, ""),
        new Bad("the logs of an unknown task", "GET", "/api/v1/tasks/nope/logs", null, null, 404, ""),
        new Bad("a drain of an unknown node", "POST", "/api/v1/nodes/nope/drain", null, null, 404, ""),
        new Bad("a cordon of an unknown node", "POST", "/api/v1/nodes/nope/cordon", null, null, 404, ""),
        new Bad("an uncordon of an unknown node", "POST", "/api/v1/nodes/nope/uncordon", null, null, 404, ""),
        new Bad("a node list with a parameter", "GET", "/api/v1/nodes?state=UP", null, null, 400, "parameter:state"),
        new Bad("a queue tree that is empty", "PUT", "/api/v1/queues", YAML, "", 400, "pointer:"),
        new Bad("a queue tree with a bad name", "PUT", "/api/v1/queues", YAML, "name: root\nchildren: [{name: Bad}]", 400,
            "pointer:/children/0/name"),
        new Bad("a queue tree with an unknown field", "PUT", "/api/v1/queues", JSON, "{\"name\":\"root\",\"kids\":[]}", 400,
            "pointer:/kids"),
        new Bad("a queue tree with a max over 100%", "PUT", "/api/v1/queues", YAML,
            "name: root\nchildren: [{name: a, max: '150%'}]", 400, "pointer:/children/0/max"),
        new Bad("a queue tree with version=abc", "PUT", "/api/v1/queues?version=abc", YAML, "name: root", 400, "parameter:version"),
        new Bad("a queue tree of a stale version", "PUT", "/api/v1/queues?version=7", YAML,
            "name: root\nchildren: [{name: default}]", 409, "parameter:version"),
        new Bad("a queue tree as form data", "PUT", "/api/v1/queues", "application/x-www-form-urlencoded", "a=b", 415,
            "parameter:Content-Type"),
        new Bad("a queue tree of 2 MiB", "PUT", "/api/v1/queues", YAML, HUGE, 413, ""),
        new Bad("a POST on queues", "POST", "/api/v1/queues", JSON, "{}", 405, ""),
        new Bad("a PUT on instances", "PUT", "/api/v1/instances", JSON, "{}", 405, ""),
        new Bad("a DELETE on a workflow", "DELETE", "/api/v1/workflows/api-test/square", null, null, 405, ""),
        new Bad("a route that does not exist", "GET", "/api/v1/nothing", null, null, 404, "")
    ).map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void bad_input_is_a_problem_naming_its_place(Bad bad) {
    int before = instanceCount();
    Http.Reply r = http.send(bad.method(), bad.path(), null, bad.contentType(), bad.body(), bad.headers());
    assertThat(r.status()).as(r.text()).isEqualTo(bad.status());
    assertThat(r.contentType()).isEqualTo("application/problem+json");
    JsonNode p = r.json();
    assertThat(p.path("status").asInt()).isEqualTo(bad.status());
    assertThat(p.path("title").asText()).isNotBlank();
    assertThat(p.path("detail").asText()).isNotBlank();
    if (!p.path("title").asText().equals("Bad message")) { // refused by Jetty before routing: no path to name
      assertThat(p.path("instance").asText()).isEqualTo(bad.path().split("\\?")[0]);
    }
    assertThat(r.text()).doesNotContain("Exception", "\tat ", "com.fasterxml", "dev.weft");
    if (!bad.place().isEmpty()) {
      String[] kind = bad.place().split(":", 2);
      List<String> named = new ArrayList<>();
      p.path("errors").forEach(e -> named.add(e.path(kind[0]).asText(null)));
      assertThat(named).as(r.text()).contains(kind[1]);
    }
    assertThat(instanceCount()).as("nothing stored by a refused request").isEqualTo(before);
  }

  @Test
  void a_good_request_after_bad_ones_still_runs() {
    Http.Reply r = http.postJson("/api/v1/instances", null, "{\"definition\":\"api-test/square\",\"input\":{\"n\":4}}");
    assertThat(r.status()).isEqualTo(201);
    assertThat(Workflows.awaitEnd(http, null, r.json().path("id").asText()).path("output").path("squared").asInt()).isEqualTo(16);
  }

  @Test
  void every_validation_problem_of_a_workflow_is_listed() {
    String doc = Workflows.SQUARE.replace("set:", "sett:").replace("call: square", "call: square\n      then: nowhere");
    Http.Reply r = http.post("/api/v1/workflows", null, YAML, doc);
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().path("errors").size()).isGreaterThanOrEqualTo(2);
    assertThat(r.json().path("type").asText()).isEqualTo("https://weft.dev/problems/invalid-workflow");
  }

  @Test
  void a_bug_is_a_500_problem_without_its_message_or_stack_trace() {
    Http.Reply r = http.get("/api/v1/buggy", null);
    assertThat(r.status()).isEqualTo(500);
    assertThat(r.contentType()).isEqualTo("application/problem+json");
    assertThat(r.json().path("detail").asText()).isEqualTo("an unexpected error occurred; it is logged on the server");
    assertThat(r.text()).doesNotContain("internal detail", "IllegalStateException", "\tat ");
  }

  private static int instanceCount() {
    return http.get("/api/v1/instances?limit=1000", null).json().path("items").size();
  }
}
