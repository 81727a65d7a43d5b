package dev.weft.cli.cluster;

import static dev.weft.cli.cluster.ClusterChecks.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.server.ServerSettings;
import dev.weft.server.WeftServer;
import dev.weft.server.api.ApiSettings;
import dev.weft.server.api.Bodies;
import dev.weft.server.api.auth.Tokens;
import dev.weft.server.scheduling.SchedulingSettings;
import dev.weft.server.secrets.SecretSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Workflows on the cluster, for real: a server in this JVM (its REST API and agent protocol on a
 * loopback port, the database PostgreSQL or an H2 file) and one {@code weft agent} as a child
 * process. The example square service (a process) and sum-of-squares workflow are applied over
 * REST: [1..5] gives 55 with each square run as a task on the agent; a {@code run: shell} step's
 * stdout is its output and its task takes the step's metadata.weft placement; {@code run: script}
 * steps (JavaScript by node, Python by python3) and a shell step read their arguments, environment
 * and stdin on the agent; a failing process
 * faults the instance naming the exit code and stderr; an input that breaks the contract faults
 * with a validation error naming the pointer, before any task; cancelling an instance cancels its
 * running task. Waits poll conditions with generous limits.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WorkflowTasksEndToEndTest {
  private static final String ADMIN = "admin-token-wf-0123456789";
  private static final String AGENT = "agent-token-wf-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path EXAMPLES = Path.of("..", "examples");

  @TempDir
  Path dir;
  private String base;
  private final HttpClient http = HttpClient.newHttpClient();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"postgresql", "h2"})
  void shell_steps_and_process_services_run_as_tasks_on_an_agent(String kind) throws Exception {
    PostgresSchema schema = kind.equals("h2") ? null : PostgresSchema.create("weft_wft_");
    String url = schema == null ? "jdbc:h2:file:" + dir.resolve("db/weft").toAbsolutePath() : schema.url();
    Tokens tokens = Tokens.parse(ADMIN + " admin\n" + AGENT + " agent node-agents\n", "tokens");
    List<AutoCloseable> open = new ArrayList<>();
    try {
      WeftServer server = WeftServer.start(new ServerSettings(url, new ApiSettings("127.0.0.1", 0, tokens,
          Bodies.DEFAULT_LIMIT), 4, SecretSource.none()), SchedulingSettings.withNodeTimeout("wf-e2e-"
          + UUID.randomUUID(), Duration.ofSeconds(10)), List.of());
      open.add(server);
      base = "http://127.0.0.1:" + server.port();
      ChildProcess agent = ChildProcess.agent("node-a", "eu/zone-a/rack-1", List.of(base), AGENT, dir);
      open.add(agent);
      waitFor("the agent joined", () -> server.database().nodes().list().size() == 1, agent::output);

      assertThat(call("PUT", "/api/v1/queues", "application/yaml", Files.readString(EXAMPLES.resolve("queues.yaml"))
          .replace("kind: queues\n", "")).status).isEqualTo(200);
      Reply service = call("POST", "/api/v1/services", "application/yaml",
          Files.readString(EXAMPLES.resolve("square-service.yaml")));
      assertThat(service.status).as(service.body.toString()).isEqualTo(201);
      assertThat(call("POST", "/api/v1/workflows", "application/yaml",
          Files.readString(EXAMPLES.resolve("sum-of-squares.yaml"))).status).isEqualTo(201);

      sumOfSquaresRunsEachSquareAsATask();
      aShellStepsStdoutIsItsOutput();
      scriptStepsRunOnTheAgentWithTheirArgumentsEnvironmentAndStdin();
      aFailingProcessFaultsTheInstanceWithItsExitCode();
      aFailedTryIsMadeAgainAsANewTaskAsOftenAsTheContractAllows();
      aContractViolationFaultsBeforeAnyTask();
      aServiceLimitedToOneCallRunsItsTasksOneAfterAnother();
      cancellingAnInstanceCancelsItsRunningTask();
    } finally {
      for (AutoCloseable c : open.reversed()) {
        c.close();
      }
      if (schema != null) {
        schema.close();
      }
    }
  }

  private void sumOfSquaresRunsEachSquareAsATask() throws Exception {
    String id = start("examples/sum-of-squares", "{\"numbers\": [1, 2, 3, 4, 5]}");
    JsonNode done = awaitEnd(id);
    assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("COMPLETED");
    assertThat(done.path("output").asInt()).isEqualTo(55);
    JsonNode tasks = call("GET", "/api/v1/instances/" + id + "/tasks", null, null).body.path("items");
    assertThat(tasks).hasSize(5);
    for (JsonNode t : tasks) {
      assertThat(t.path("service").asText()).isEqualTo("square@1.0.0");
      JsonNode task = call("GET", "/api/v1/tasks/" + t.path("taskId").asText(), null, null).body;
      assertThat(task.toString()).contains("\"SUCCEEDED\"", "node-a", "root.prod");
    }
  }

  private void aShellStepsStdoutIsItsOutput() throws Exception {
    define("""
        document: { dsl: '1.0.0', namespace: e2e, name: shell, version: '1.0.0' }
        do:
          - greet:
              run:
                shell:
                  command: 'echo "hello from $WEFT_TASK_ID"'
              metadata:
                weft: { resources: { cpu: 0.5, memory: 128 }, queue: root.batch, priority: 70 }
        """);
    String id = start("e2e/shell", "{}");
    JsonNode done = awaitEnd(id);
    assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("COMPLETED");
    JsonNode link = call("GET", "/api/v1/instances/" + id + "/tasks", null, null).body.path("items").get(0);
    assertThat(done.path("output").asText()).isEqualTo("hello from " + link.path("taskId").asText() + "\n");
    assertThat(link.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(link.path("nodeId").asText()).isEqualTo("node-a");
    assertThat(link.path("queue").asText()).isEqualTo("root.batch");
    assertThat(link.path("priority").asInt()).isEqualTo(70);
  }

  private void scriptStepsRunOnTheAgentWithTheirArgumentsEnvironmentAndStdin() throws Exception {
    define("""
        document: { dsl: '1.0.3', namespace: e2e, name: scripts, version: '1.0.0' }
        do:
          - js:
              run:
                script:
                  language: js
                  arguments: [ '${ .word }', second ]
                  environment: { GREETING: '${ .greeting }' }
                  stdin: '${ .numbers | tostring }'
                  code: |
                    const [_, __, word, other] = process.argv;
                    let text = '';
                    process.stdin.on('data', d => text += d);
                    process.stdin.on('end', () => console.log(JSON.stringify({ word, other,
                      greeting: process.env.GREETING, sum: JSON.parse(text).reduce((a, b) => a + b, 0) })));
              output: { as: '${ fromjson }' }
              export: { as: '$context + { js: . }' }
          - py:
              run:
                script:
                  language: python
                  arguments: [ '${ .word }' ]
                  stdin: hello from stdin
                  code: |
                    import sys
                    print(sys.argv[1] + "|" + sys.stdin.read().upper())
              metadata:
                weft: { queue: root.batch }
              export: { as: '$context + { py: . }' }
          - sh:
              run:
                shell:
                  command: tr a-z A-Z
                  stdin: '${ $context.py }'
              export: { as: '$context + { sh: . }' }
          - code:
              run:
                shell: { command: 'echo partial; echo broken >&2; exit 3' }
                return: all
              output: { as: '$context + { all: . }' }
        """);
    String id = start("e2e/scripts", "{\"word\": \"weft\", \"greeting\": \"hi\", \"numbers\": [1, 2, 3]}");
    JsonNode done = awaitEnd(id);
    assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("COMPLETED");
    assertThat(done.path("output").path("js")).isEqualTo(JSON.readTree(
        "{\"word\": \"weft\", \"other\": \"second\", \"greeting\": \"hi\", \"sum\": 6}"));
    assertThat(done.path("output").path("py").asText()).isEqualTo("weft|HELLO FROM STDIN\n");
    assertThat(done.path("output").path("sh").asText()).isEqualTo("WEFT|HELLO FROM STDIN\n");
    assertThat(done.path("output").path("all")).as("return: all takes the failed exit as the result")
        .isEqualTo(JSON.readTree("{\"code\": 3, \"stdout\": \"partial\\n\", \"stderr\": \"broken\\n\"}"));
    JsonNode tasks = call("GET", "/api/v1/instances/" + id + "/tasks", null, null).body.path("items");
    assertThat(tasks).hasSize(4);
    tasks.forEach(t -> assertThat(t.path("nodeId").asText()).isEqualTo("node-a"));
  }

  private void aFailingProcessFaultsTheInstanceWithItsExitCode() throws Exception {
    Reply s = call("POST", "/api/v1/services", "application/yaml", """
        kind: service
        name: breaks
        version: 1.0.0
        contract: { retry: { attempts: 3, exceptWhen: '${ $exitCode == 3 }' } }
        behaviour:
          process: { command: 'echo "disk on fire" >&2; exit 3', queue: root.default }
        """);
    assertThat(s.status).as(s.body.toString()).isEqualTo(201);
    define("""
        document: { dsl: '1.0.0', namespace: e2e, name: breaks, version: '1.0.0' }
        do:
          - go: { call: breaks }
        """);
    String id = start("e2e/breaks", "{}");
    JsonNode done = awaitEnd(id);
    assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("FAILED");
    assertThat(done.path("error").path("detail").asText()).contains("exit code 3", "disk on fire");
    assertThat(done.path("error").path("type").asText()).contains("runtime");
    // the contract's exceptWhen names exit code 3: the failure reaches the instance without a retry
    String task = call("GET", "/api/v1/instances/" + id + "/tasks", null, null).body.path("items").get(0)
        .path("taskId").asText();
    assertThat(task).doesNotContain("-r");
    assertThat(call("GET", "/api/v1/tasks/" + task + "-r1", null, null).status).isEqualTo(404);
  }

  private void aFailedTryIsMadeAgainAsANewTaskAsOftenAsTheContractAllows() throws Exception {
    Path counter = dir.resolve("flaky-tries");
    Reply s = call("POST", "/api/v1/services", "application/yaml", """
        kind: service
        name: flaky
        version: 1.0.0
        contract: { retry: { attempts: 2, delay: 1s, backoff: exponential, jitter: { from: 500ms, to: 500ms },
                             when: '${ $exitCode == 5 and (.detail | test("failed")) }' } }
        behaviour:
          process:
            queue: root.default
            command: 'n=$(cat %s 2>/dev/null || echo 0); n=$((n + 1)); echo $n > %s; if [ $n -lt 3 ]; then echo "try $n failed" >&2; exit 5; fi; printf "{\\"tries\\": %%s}" $n'
        """.formatted(counter, counter));
    assertThat(s.status).as(s.body.toString()).isEqualTo(201);
    define("""
        document: { dsl: '1.0.0', namespace: e2e, name: flaky, version: '1.0.0' }
        do:
          - go: { call: flaky }
        """);
    String id = start("e2e/flaky", "{}");
    JsonNode done = awaitEnd(id);
    assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("COMPLETED");
    assertThat(done.path("output").path("tries").asInt()).isEqualTo(3);
    JsonNode link = call("GET", "/api/v1/instances/" + id + "/tasks", null, null).body.path("items").get(0);
    String last = link.path("taskId").asText();
    assertThat(last).endsWith("-r2");
    assertThat(link.path("status").asText()).isEqualTo("SUCCEEDED");
    String first = last.substring(0, last.length() - "-r2".length());
    for (String failed : List.of(first, first + "-r1")) {
      JsonNode task = call("GET", "/api/v1/tasks/" + failed, null, null).body;
      assertThat(task.toString()).as(failed).contains("\"FAILED\"", "node-a");
    }
    // each retry waited its delay after the try before it ended: 1 s, then 2 s (exponential), each plus 0.5 s of jitter
    long[] waitedMillis = new long[2];
    String before = first;
    for (int k = 1; k <= 2; k++) {
      JsonNode failed = call("GET", "/api/v1/tasks/" + before, null, null).body;
      JsonNode retry = call("GET", "/api/v1/tasks/" + first + "-r" + k, null, null).body;
      waitedMillis[k - 1] = java.time.Duration.between(java.time.Instant.parse(failed.path("finishedAt").asText()),
          java.time.Instant.parse(retry.path("startedAt").asText())).toMillis();
      JsonNode job = call("GET", "/api/v1/jobs/" + first + "-r" + k, null, null).body;
      assertThat(job.has("notBefore")).as(job.toString()).isTrue();
      before = first + "-r" + k;
    }
    assertThat(waitedMillis[0]).as("the first retry waits 1 s + 0.5 s").isGreaterThanOrEqualTo(1500);
    assertThat(waitedMillis[1]).as("the second retry waits 2 s + 0.5 s").isGreaterThanOrEqualTo(2500);
  }

  private void aContractViolationFaultsBeforeAnyTask() throws Exception {
    define("""
        document: { dsl: '1.0.0', namespace: e2e, name: bad-square, version: '1.0.0' }
        do:
          - go: { call: square, with: { x: three } }
        """);
    String id = start("e2e/bad-square", "{}");
    JsonNode done = awaitEnd(id);
    assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("FAILED");
    assertThat(done.path("error").path("type").asText()).contains("validation");
    assertThat(done.path("error").path("detail").asText()).contains("/x", "square@1.0.0");
    assertThat(call("GET", "/api/v1/instances/" + id + "/tasks", null, null).body.path("items")).isEmpty();
  }

  /**
   * {@code contract.concurrency: 1} with three calls in parallel branches: the agent has room for
   * all three tasks at once, yet each task is submitted only once the one before has ended.
   */
  private void aServiceLimitedToOneCallRunsItsTasksOneAfterAnother() throws Exception {
    Reply s = call("POST", "/api/v1/services", "application/yaml", """
        kind: service
        name: one-at-a-time
        version: 1.0.0
        contract: { concurrency: 1 }
        behaviour:
          process:
            queue: root.default
            resources: { cpu: 0.1, memory: 32 }
            command: 'sleep 1; echo $WEFT_INPUT_N'
        """);
    assertThat(s.status).as(s.body.toString()).isEqualTo(201);
    define("""
        document: { dsl: '1.0.0', namespace: e2e, name: limited, version: '1.0.0' }
        do:
          - all:
              fork:
                branches:
                  - a: { call: one-at-a-time, with: { n: 1 } }
                  - b: { call: one-at-a-time, with: { n: 2 } }
                  - c: { call: one-at-a-time, with: { n: 3 } }
        """);
    String id = start("e2e/limited", "{}");
    JsonNode done = awaitEnd(id);
    assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("COMPLETED");
    List<java.time.Instant[]> runs = new ArrayList<>();
    for (JsonNode link : call("GET", "/api/v1/instances/" + id + "/tasks", null, null).body.path("items")) {
      JsonNode task = call("GET", "/api/v1/tasks/" + link.path("taskId").asText(), null, null).body;
      assertThat(task.path("state").asText()).as(task.toString()).isEqualTo("SUCCEEDED");
      runs.add(new java.time.Instant[] {java.time.Instant.parse(task.path("startedAt").asText()),
          java.time.Instant.parse(task.path("finishedAt").asText())});
    }
    assertThat(runs).hasSize(3);
    runs.sort(java.util.Comparator.comparing(r -> r[0]));
    for (int i = 1; i < runs.size(); i++) {
      assertThat(runs.get(i)[0]).as("task %d started after task %d finished", i + 1, i).isAfter(runs.get(i - 1)[1]);
    }
  }

  private void cancellingAnInstanceCancelsItsRunningTask() throws Exception {
    define("""
        document: { dsl: '1.0.0', namespace: e2e, name: slow, version: '1.0.0' }
        do:
          - nap: { run: { shell: { command: 'sleep 120' } } }
        """);
    String id = start("e2e/slow", "{}");
    waitFor("the nap task runs", () -> "RUNNING".equals(firstTask(id).path("status").asText()), () -> firstTask(id).toString());
    assertThat(call("POST", "/api/v1/instances/" + id + "/cancel", "application/json", "{\"reason\": \"enough\"}").status)
        .isEqualTo(200);
    waitFor("the nap task is cancelled", () -> "CANCELLED".equals(firstTask(id).path("status").asText()),
        () -> firstTask(id).toString());
    assertThat(call("GET", "/api/v1/instances/" + id, null, null).body.path("status").asText()).isEqualTo("CANCELLED");
  }

  private JsonNode firstTask(String instanceId) {
    try {
      return call("GET", "/api/v1/instances/" + instanceId + "/tasks", null, null).body.path("items").path(0);
    } catch (Exception e) {
      return JSON.createObjectNode().put("error", e.toString());
    }
  }

  private void define(String yaml) throws Exception {
    Reply r = call("POST", "/api/v1/workflows", "application/yaml", yaml);
    assertThat(r.status).as(r.body.toString()).isEqualTo(201);
  }

  private String start(String workflow, String input) throws Exception {
    Reply r = call("POST", "/api/v1/instances", "application/json",
        "{\"definition\": \"" + workflow + "\", \"input\": " + input + "}");
    assertThat(r.status).as(r.body.toString()).isEqualTo(201);
    return r.body.path("id").asText();
  }

  private JsonNode awaitEnd(String id) throws Exception {
    JsonNode[] last = new JsonNode[1];
    waitFor("instance " + id + " ended", () -> {
      try {
        last[0] = call("GET", "/api/v1/instances/" + id, null, null).body;
      } catch (Exception e) {
        return false;
      }
      return List.of("COMPLETED", "FAILED", "CANCELLED").contains(last[0].path("status").asText());
    }, () -> String.valueOf(last[0]) + " tasks: " + firstTask(id));
    return last[0];
  }

  private record Reply(int status, JsonNode body) {}

  private Reply call(String method, String path, String type, String body) throws Exception {
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + ADMIN)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (type != null) {
      req.header("Content-Type", type);
    }
    HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body()));
  }
}
