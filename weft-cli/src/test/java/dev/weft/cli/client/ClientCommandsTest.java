package dev.weft.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.cli.WeftRun;
import dev.weft.model.Node;
import dev.weft.model.Resources;
import dev.weft.model.codec.Format;
import dev.weft.model.codec.SpecCodec;
import dev.weft.server.QuietLibraries;
import dev.weft.server.ServerSettings;
import dev.weft.server.WeftServer;
import dev.weft.server.api.ApiSettings;
import dev.weft.server.api.Bodies;
import dev.weft.server.api.auth.Tokens;
import dev.weft.store.NewNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client commands against a real weft server on a loopback port (with tokens), in this JVM. */
class ClientCommandsTest {
  static final String ADMIN = "admin-token-0123456789abcdefghijklmnop";
  static final String VIEWER = "viewer-token-0123456789abcdefghijklmno";
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SQUARE = """
      document:
        dsl: '1.0.0'
        namespace: cli-test
        name: square
        version: '0.1.0'
      do:
        - compute:
            call: square
            with:
              x: ${ .n }
      """;

  @TempDir
  static Path dir;
  static WeftServer server;
  static String url;

  @BeforeAll
  static void start() throws IOException {
    QuietLibraries.apply();
    Tokens tokens = Tokens.parse(ADMIN + " admin ops\n" + VIEWER + " viewer watcher\n", "tokens");
    server = WeftServer.start(new ServerSettings("jdbc:h2:file:" + dir.resolve("db").resolve("weft"),
        new ApiSettings("127.0.0.1", 0, tokens, Bodies.DEFAULT_LIMIT), 2), List.of());
    url = "http://127.0.0.1:" + server.port();
    JsonNode node = JSON.readTree(SpecCodec.writeNode(Node.of("n1", Resources.of(4000, 8192)), Format.JSON));
    server.database().nodes().register(new NewNode("n1", "r/z/k", node.path("capacity"), JSON.createObjectNode(),
        JSON.createArrayNode()), Instant.now());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static WeftRun weft(String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.addAll(List.of("--server", url, "--token", ADMIN));
    return WeftRun.of(all.toArray(String[]::new));
  }

  @Test
  void apply_stores_a_workflow_a_queue_tree_and_a_job_from_one_file() throws IOException {
    Path file = Files.writeString(dir.resolve("all.yaml"), SQUARE + """
        ---
        kind: queues
        name: root
        children:
          - name: batch
            guarantee: "25%"
            max: "50%"
          - name: default
        ---
        kind: job
        id: applied
        count: 2
        task:
          queue: root.batch
          resources: { cpu: 1 }
        """);
    WeftRun r = weft("apply", "-f", file.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("workflow", "cli-test/square", "stored as version 1")
        .contains("queues", "applied as version").contains("job", "applied", "submitted: 2 task(s), array");

    WeftRun again = weft("apply", "-f", file.toString());
    assertThat(again.out()).as("the same workflow text again is the same version").contains("stored as version 1");

    WeftRun queues = weft("queues");
    assertThat(queues.exitCode()).as(queues.err()).isZero();
    assertThat(queues.out()).contains("root", "  batch", "  default", "[").containsPattern("batch +\\[[-| #]{30}\\]");
    WeftRun yaml = weft("queues", "-o", "yaml");
    assertThat(yaml.out()).contains("path: root.batch", "pending: ");
  }

  @Test
  void an_instance_is_started_read_listed_and_its_history_shown() throws Exception {
    assertThat(weft("apply", "-f", Files.writeString(dir.resolve("square.yaml"), SQUARE).toString()).exitCode()).isZero();
    WeftRun started = weft("instance", "start", "cli-test/square", "--input", "{\"n\": 7}", "-o", "json");
    assertThat(started.exitCode()).as(started.err()).isZero();
    String id = JSON.readTree(started.out()).path("id").asText();
    JsonNode end = awaitEnd(id);
    assertThat(end.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(end.path("output").asInt()).isEqualTo(49);
    assertThat(weft("instance", "get", id).out()).contains(id, "COMPLETED", "49");
    assertThat(weft("instance", "list", "--status", "COMPLETED").out()).contains(id, "cli-test/square");
    assertThat(weft("instance", "history", id).out()).contains("Started", "CommandCompleted");

    WeftRun refused = weft("instance", "cancel", id, "--reason", "too late");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).startsWith("weft: 409 Conflict: cannot cancel instance " + id + " (COMPLETED)")
        .doesNotContain("\tat ").hasLineCount(1);
    WeftRun unknown = weft("instance", "retry", "nope");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).startsWith("weft: 404 Not found: no instance nope");
  }

  @Test
  void jobs_tasks_and_nodes() throws IOException {
    Path job = Files.writeString(dir.resolve("job.yaml"), """
        id: pipeline
        tasks:
          - { id: pipeline/extract, resources: { cpu: 1 } }
          - { id: pipeline/load, resources: { cpu: 1 }, dependsOn: [pipeline/extract] }
        """);
    WeftRun submitted = weft("job", "submit", "-f", job.toString());
    assertThat(submitted.exitCode()).as(submitted.err()).isZero();
    assertThat(submitted.out()).contains("pipeline/extract", "pipeline/load", "PENDING");
    assertThat(weft("job", "list").out()).contains("pipeline", "DAG");
    assertThat(weft("task", "get", "pipeline/load").out()).contains("pipeline/load", "PENDING");
    assertThat(weft("task", "explain", "pipeline/load").out()).contains("waits for the tasks it depends on", "pipeline/extract (pending)");
    WeftRun logs = weft("task", "logs", "pipeline/load");
    assertThat(logs.exitCode()).as("a task that has not run has no output yet").isZero();
    assertThat(logs.out()).isEmpty();
    assertThat(weft("task", "logs", "pipeline/load", "--stream", "stdin").err())
        .startsWith("weft: --stream: expected stdout, stderr or both");
    assertThat(weft("job", "cancel", "pipeline").out()).contains("CANCELLED").doesNotContain("PENDING");

    Path nightly = Files.writeString(dir.resolve("nightly.yaml"), "id: nightly\ntask: { resources: { cpu: 1 } }\n");
    WeftRun delayed = weft("job", "submit", "-f", nightly.toString(), "--delay", "12h");
    assertThat(delayed.exitCode()).as(delayed.err()).isZero();
    assertThat(weft("job", "list", "-o", "json").out()).contains("\"notBefore\"");
    assertThat(weft("task", "explain", "nightly").out()).contains("not due yet: its job runs not before");
    assertThat(weft("queues").out()).contains("HOLDING  PENDING  DELAYED").containsPattern("default +\\[.*\\] .* 0 +0 +1\n");
    WeftRun tooLate = weft("job", "submit", "-f", nightly.toString(), "--not-before", "2999-01-01T02:00:00Z");
    assertThat(tooLate.err()).contains("400", "/notBefore", "366 days from now");
    WeftRun both = weft("job", "submit", "-f", nightly.toString(), "--delay", "5m", "--not-before", "2030-01-01T02:00:00Z");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).startsWith("weft: give --delay or --not-before, not both");
    WeftRun bad = weft("job", "submit", "-f", nightly.toString(), "--delay", "soon");
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.err()).contains("400", "/delay");

    assertThat(weft("nodes").out()).contains("n1", "UP", "r/z/k");
    assertThat(weft("nodes", "cordon", "n1").out()).contains("CORDONED");
    assertThat(weft("nodes", "uncordon", "n1").out()).contains("UP");
    WeftRun viewer = WeftRun.of("nodes", "drain", "n1", "--server", url, "--token", VIEWER);
    assertThat(viewer.exitCode()).isEqualTo(1);
    assertThat(viewer.err()).startsWith("weft: 403");
  }

  @Test
  void apply_registers_a_service_that_service_lists_and_a_workflow_calls() throws Exception {
    Path file = Files.writeString(dir.resolve("twice.yaml"), """
        kind: service
        name: twice
        version: 1.0.0
        contract:
          input: { type: object, required: [x], properties: { x: { type: integer } } }
          output: { type: integer }
        behaviour:
          process: { command: 'echo $((WEFT_INPUT_X * 2))' }
        ---
        document: { dsl: '1.0.0', namespace: cli-test, name: twice, version: '0.1.0' }
        do:
          - go: { call: twice, with: { x: '${ .n }' } }
        """);
    WeftRun r = weft("apply", "-f", file.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("service", "twice", "stored as version 1.0.0");
    WeftRun list = weft("service", "list");
    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out()).contains("SERVICE", "square", "builtin", "twice", "1.0.0");
    WeftRun get = weft("service", "get", "twice", "--version", "1.0.0", "-o", "json");
    assertThat(get.exitCode()).as(get.err()).isZero();
    assertThat(JSON.readTree(get.out()).at("/document/behaviour/process/command").asText()).contains("WEFT_INPUT_X");
    WeftRun start = weft("instance", "start", "cli-test/twice", "--input", "{\"n\": 21}", "-o", "json");
    assertThat(start.exitCode()).as(start.err()).isZero();
    JsonNode done = awaitEnd(JSON.readTree(start.out()).path("id").asText());
    assertThat(done.path("output").asInt()).as(done.toString()).isEqualTo(42);
    WeftRun missing = weft("service", "get", "nope");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).startsWith("weft: 404");
  }

  @Test
  void usage_errors_exit_2_and_refusals_exit_1_each_on_one_line() throws IOException {
    Path unknown = Files.writeString(dir.resolve("odd.yaml"), SQUARE + "---\nkind: gizmo\nname: x\n");
    WeftRun kind = weft("apply", "-f", unknown.toString());
    assertThat(kind.exitCode()).isEqualTo(2);
    assertThat(kind.err()).isEqualTo("weft: " + unknown + ":12: unknown kind 'gizmo'; expected a workflow (document: ...),"
        + " kind: queues, kind: job or kind: service\n");
    WeftRun missing = weft("apply", "-f", dir.resolve("nope.yaml").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    WeftRun badJob = weft("apply", "-f", Files.writeString(dir.resolve("bad-job.yaml"),
        "kind: job\nid: b\ntask: { resources: { cpu: 1 }, priorty: 2 }\n").toString());
    assertThat(badJob.exitCode()).isEqualTo(1);
    assertThat(badJob.err()).startsWith("weft: " + dir.resolve("bad-job.yaml") + ":1: 400 Bad request").contains("/task/priorty");
    WeftRun noToken = WeftRun.of("nodes", "--server", url);
    assertThat(noToken.exitCode()).isEqualTo(1);
    assertThat(noToken.err()).startsWith("weft: 401");
    WeftRun down = WeftRun.of("nodes", "--server", "http://127.0.0.1:1");
    assertThat(down.exitCode()).isEqualTo(1);
    assertThat(down.err()).startsWith("weft: cannot reach the server at http://127.0.0.1:1");
    WeftRun badUrl = WeftRun.of("nodes", "--server", "ftp://x");
    assertThat(badUrl.exitCode()).isEqualTo(2);
    WeftRun badFormat = weft("nodes", "-o", "xml");
    assertThat(badFormat.exitCode()).isEqualTo(2);
  }

  /** Polls until the instance ended; a minute is a liveness bound, not a speed check. */
  private static JsonNode awaitEnd(String id) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      WeftRun r = weft("instance", "get", id, "-o", "json");
      assertThat(r.exitCode()).as(r.err()).isZero();
      JsonNode n = JSON.readTree(r.out());
      if (List.of("COMPLETED", "FAILED", "CANCELLED").contains(n.path("status").asText())) {
        return n;
      }
      assertThat(System.nanoTime()).as("instance still " + n.path("status").asText()).isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
