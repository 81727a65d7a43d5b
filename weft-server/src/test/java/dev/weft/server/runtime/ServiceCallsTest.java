package dev.weft.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.server.services.ServiceRegistry;
import dev.weft.store.Database;
import dev.weft.store.Definition;
import dev.weft.store.InstanceStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Service calls carried out in this process ({@code weft run} and a server without agents): a
 * process service runs here with the same semantics an agent gives it; contracts are checked
 * before and after.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServiceCallsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  Path dir;

  private RunResult run(String services, String workflow, String input) throws Exception {
    return run(services, workflow, input, new FakeClock(1000));
  }

  private RunResult run(String services, String workflow, String input, RuntimeClock clock) throws Exception {
    TestDb.Place place = TestDb.H2.place(dir.resolve(java.util.UUID.randomUUID().toString()));
    try (Database db = place.open()) {
      ServiceRegistry registry = new ServiceRegistry(db.services());
      for (String s : services.split("\n---\n")) {
        if (!s.isBlank()) {
          registry.define(s, Instant.EPOCH);
        }
      }
      AtomicInteger n = new AtomicInteger();
      return new WorkflowRuntime(db, clock, () -> "i" + n.incrementAndGet(), Duration.ofSeconds(5))
          .run(workflow, JSON.readTree(input), "k");
    }
  }

  private static String call(String service, String with) {
    return """
        document: { dsl: '1.0.0', namespace: t, name: call-%s, version: '1.0.0' }
        do:
          - go: { call: %s, with: %s }
        """.formatted(service, service, with);
  }

  private static final String PAIR = """
      kind: service
      name: pair
      version: 1.0.0
      contract:
        input: { type: object, required: [x], properties: { x: { type: integer } } }
        output: { type: object, required: [x, twice] }
      behaviour:
        process: { command: 'printf "{\\"x\\": %s, \\"twice\\": %s}" "$WEFT_INPUT_X" $((WEFT_INPUT_X * 2))' }
      """;

  @Test
  void a_process_service_runs_here_and_its_json_stdout_is_the_output() throws Exception {
    RunResult r = run(PAIR, call("pair", "{ x: 21 }"), "{}");
    assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(r.output()).isEqualTo(JSON.readTree("{\"x\": 21, \"twice\": 42}"));
  }

  @Test
  void stdout_that_is_not_json_is_the_output_as_text() throws Exception {
    RunResult r = run("""
        kind: service
        name: hello
        version: '1'
        behaviour: { process: { command: 'echo "hello $WEFT_INPUT_WHO"' } }
        """, call("hello", "{ who: ada }"), "{}");
    assertThat(r.output().asText()).isEqualTo("hello ada\n");
  }

  @Test
  void an_input_that_breaks_the_contract_faults_with_its_pointer_before_anything_runs() throws Exception {
    RunResult r = run(PAIR, call("pair", "{ x: 'seven' }"), "{}");
    assertThat(r.status()).isEqualTo(InstanceStatus.FAILED);
    JsonNode e = r.error();
    assertThat(e.path("type").asText()).contains("validation");
    assertThat(e.path("status").asInt()).isEqualTo(400);
    assertThat(e.path("detail").asText()).contains("input of service pair@1.0.0", "/x");
    assertThat(e.path("instance").asText()).isEqualTo("/do/0/go");
  }

  @Test
  void an_output_that_breaks_the_contract_faults_with_its_pointer() throws Exception {
    RunResult r = run(PAIR.replace("\\\"twice\\\"", "\\\"thrice\\\""), call("pair", "{ x: 1 }"), "{}");
    assertThat(r.status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(r.error().path("detail").asText()).contains("output of service pair@1.0.0", "twice");
  }

  @Test
  void a_failing_process_faults_with_its_exit_code_and_stderr() throws Exception {
    RunResult r = run("""
        kind: service
        name: broken
        version: '1'
        behaviour: { process: { command: 'echo "no disk" >&2; exit 7' } }
        """, call("broken", "{}"), "{}");
    assertThat(r.status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(r.error().path("detail").asText()).contains("exit code 7", "no disk");
  }

  /** A service that fails its first two tries and then answers how many it took, counted in a file. */
  static String flaky(Path counter, int retries) {
    return flaky(counter, "attempts: " + retries);
  }

  static String flaky(Path counter, String retry) {
    return """
        kind: service
        name: flaky
        version: '1'
        contract: { retry: { %s } }
        behaviour:
          process:
            command: 'n=$(cat %s 2>/dev/null || echo 0); n=$((n + 1)); echo $n > %s; if [ $n -lt 3 ]; then echo "try $n failed" >&2; exit 5; fi; printf "{\\"tries\\": %%s}" $n'
        """.formatted(retry, counter, counter);
  }

  @Test
  void a_failed_call_is_made_again_as_often_as_the_contract_allows() throws Exception {
    Path counter = dir.resolve("tries-enough");
    RunResult r = run(flaky(counter, 2), call("flaky", "{}"), "{}");
    assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(r.output().path("tries").asInt()).isEqualTo(3);

    Path other = dir.resolve("tries-short");
    RunResult out = run(flaky(other, 1), call("flaky", "{}"), "{}");
    assertThat(out.status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(out.error().path("detail").asText()).contains("exit code 5", "try 2 failed");
    assertThat(java.nio.file.Files.readString(other).strip()).isEqualTo("2");
  }

  @Test
  void a_failure_the_contract_does_not_retry_reaches_the_workflow_after_one_try() throws Exception {
    Path counter = dir.resolve("tries-filtered");
    RunResult r = run(flaky(counter, "attempts: 5, exceptWhen: '${ $exitCode == 5 }'"), call("flaky", "{}"), "{}");
    assertThat(r.status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(r.error().path("detail").asText()).contains("exit code 5", "try 1 failed");
    assertThat(java.nio.file.Files.readString(counter).strip()).as("tried once").isEqualTo("1");

    Path other = dir.resolve("tries-chosen");
    RunResult retried = run(flaky(other, "attempts: 5, when: '${ $exitCode == 5 and (.detail | test(\"failed\")) }'"),
        call("flaky", "{}"), "{}");
    assertThat(retried.status()).as(String.valueOf(retried.error())).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(retried.output().path("tries").asInt()).isEqualTo(3);
  }

  @Test
  void a_retry_waits_its_delay_growing_as_the_backoff_says() throws Exception {
    Path counter = dir.resolve("tries-delayed");
    long start = System.nanoTime();
    RunResult r = run(flaky(counter, "attempts: 2, delay: 200ms, backoff: exponential, jitter: {from: 150ms, to: 150ms}"),
        call("flaky", "{}"), "{}");
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(r.output().path("tries").asInt()).isEqualTo(3);
    assertThat(tookMillis).as("waited 200 ms, then 400 ms, each plus 150 ms of jitter").isGreaterThanOrEqualTo(900);
  }

  @Test
  void calls_of_a_rate_limited_service_start_one_interval_apart() throws Exception {
    Path starts = dir.resolve("starts");
    String stamped = """
        kind: service
        name: stamped
        version: 1.0.0
        contract: { rateLimit: 5/s }
        behaviour: { process: { command: 'date +%%s%%N >> %s; echo "{}"' } }
        """.formatted(starts);
    String thrice = """
        document: { dsl: '1.0.0', namespace: t, name: thrice, version: '1.0.0' }
        do:
          - a: { call: stamped }
          - b: { call: stamped }
          - c: { call: stamped }
        """;
    long begun = System.currentTimeMillis();
    RunResult r = run(stamped, thrice, "{}", RuntimeClock.system());
    assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(InstanceStatus.COMPLETED);
    java.util.List<Long> millis = java.nio.file.Files.readAllLines(starts).stream()
        .map(l -> Long.parseLong(l.strip()) / 1_000_000).toList();
    assertThat(millis).hasSize(3);
    for (int k = 0; k < 3; k++) { // the k-th call's start was reserved 200 ms after the one before it, the first at once
      assertThat(millis.get(k) - begun).as("call %d started %d ms in", k, millis.get(k) - begun).isGreaterThanOrEqualTo(200L * k);
    }
  }

  @Test
  void the_builtin_square_keeps_its_contract() throws Exception {
    assertThat(run("", call("square", "{ x: 12 }"), "{}").output().asInt()).isEqualTo(144);
    RunResult bad = run("", call("square", "{ y: 12 }"), "{}");
    assertThat(bad.error().path("detail").asText()).contains("square@builtin", "x");
  }

  @Test
  void an_unknown_service_is_named() throws Exception {
    RunResult r = run("", call("nope", "{}"), "{}");
    assertThat(r.error().path("detail").asText()).contains("no service named 'nope'");
  }

  /** A call of {@code target} (any form) from a workflow that declares the catalog {@code global}. */
  private static String callOf(String target, String with) {
    return """
        document: { dsl: '1.0.0', namespace: t, name: pinned, version: '1.0.0' }
        use: { catalogs: { global: { endpoint: 'https://example.com/catalog' } } }
        do:
          - go: { call: '%s', with: %s }
        """.formatted(target, with);
  }

  private static final String PAIR_2 = PAIR.replace("version: 1.0.0", "version: 2.0.0")
      .replace("\\\"twice\\\": %s}", "\\\"twice\\\": %s, \\\"v\\\": 2}");

  @Test
  void a_call_that_names_a_version_in_the_default_catalog_runs_that_version_not_the_latest() throws Exception {
    assertThat(PAIR_2).contains("\\\"v\\\": 2");
    String both = PAIR + "\n---\n" + PAIR_2;
    RunResult pinned = run(both, callOf("pair:1.0.0@default", "{ x: 4 }"), "{}");
    assertThat(pinned.status()).as(String.valueOf(pinned.error())).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(pinned.output()).isEqualTo(JSON.readTree("{\"x\": 4, \"twice\": 8}"));
    RunResult latest = run(both, callOf("pair", "{ x: 4 }"), "{}");
    assertThat(latest.output()).isEqualTo(JSON.readTree("{\"x\": 4, \"twice\": 8, \"v\": 2}"));
  }

  @Test
  void the_builtin_can_be_named_by_its_version_when_a_registered_service_took_its_name() throws Exception {
    String mySquare = """
        kind: service
        name: square
        version: '1'
        behaviour: { process: { command: 'echo 0' } }
        """;
    assertThat(run(mySquare, callOf("square", "{ x: 3 }"), "{}").output().asInt()).isZero();
    RunResult builtin = run(mySquare, callOf("square:builtin@default", "{ x: 3 }"), "{}");
    assertThat(builtin.output().asInt()).as(String.valueOf(builtin.error())).isEqualTo(9);
  }

  @Test
  void a_version_that_is_not_registered_faults_naming_the_versions_there_are() throws Exception {
    RunResult r = run(PAIR + "\n---\n" + PAIR_2, callOf("pair:3.0.0@default", "{ x: 1 }"), "{}");
    assertThat(r.status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(r.error().path("status").asInt()).isEqualTo(404);
    assertThat(r.error().path("detail").asText()).contains("service pair has no version '3.0.0'", "versions: 1.0.0, 2.0.0");
    assertThat(r.error().path("instance").asText()).isEqualTo("/do/0/go");
    RunResult none = run("", callOf("nope:1@default", "{}"), "{}");
    assertThat(none.error().path("detail").asText()).contains("no service named 'nope'");
  }

  @Test
  void a_function_of_another_catalog_in_a_definition_stored_before_weft_fetched_catalogs_is_refused_as_not_supported()
      throws Exception {
    TestDb.Place place = TestDb.H2.place(dir.resolve("stored-before"));
    try (Database db = place.open()) {
      Definition old = db.definitions().store("t/pinned", 1, callOf("pair:1.0.0@global", "{ x: 1 }"), Instant.EPOCH);
      WorkflowRuntime rt = new WorkflowRuntime(db, new FakeClock(1000), () -> "old", Duration.ofSeconds(5));
      RunResult r = rt.drive(rt.start(old, JSON.readTree("{}"), "k", "old"));
      assertThat(r.status()).isEqualTo(InstanceStatus.FAILED);
      assertThat(r.error().path("status").asInt()).isEqualTo(501);
      assertThat(r.error().path("detail").asText()).contains("stored before Weft wrote the functions of external catalogs",
          "'global'", "new document.version");
    }
  }
}
