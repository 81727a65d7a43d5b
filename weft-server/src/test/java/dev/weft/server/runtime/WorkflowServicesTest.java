package dev.weft.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.server.services.ServiceRegistry;
import dev.weft.store.ChildInstance;
import dev.weft.store.Database;
import dev.weft.store.Instance;
import dev.weft.store.InstanceFilter;
import dev.weft.store.InstanceStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Services with a {@code workflow} behaviour (composite services), on H2 and PostgreSQL: a call
 * starts a child instance of the stored workflow with the call's input, checked against the
 * contract first; the child's output, checked against the output contract, is the call's output.
 * Both in {@code weft run}'s runtime (the child driven on the caller's thread) and in a server's
 * engine (the child started, its outcome delivered when it ends).
 */
class WorkflowServicesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHILD = ChildWorkflowsTest.CHILD;
  private static final String SERVICE = """
      kind: service
      name: %s
      version: 1.0.0
      contract:
        input: { type: object, required: [y], properties: { y: { type: integer } } }
        output: { type: object, required: [doubled], properties: { doubled: { type: integer, maximum: 100 } } }
      behaviour:
        workflow: { namespace: test, name: %s, version: '1.0.0' }
      """;
  private static final String CALLER = """
      document: { dsl: '1.0.0', namespace: test, name: caller-%s, version: '0.1.0' }
      do:
        - double:
            call: %s
            with: { y: '${ .n }' }
      """;

  @TempDir
  Path dir;

  /** Runs one instance of a caller of {@code service} on {@code input} to its end. */
  interface Caller {
    RunResult call(String service, String input) throws Exception;
  }

  interface Check {
    void on(Caller caller, Database db) throws Exception;
  }

  private static JsonNode json(String s) throws Exception {
    return JSON.readTree(s);
  }

  private static void define(Database db) {
    new Definitions(db.definitions()).store(CHILD, Instant.EPOCH);
    ServiceRegistry registry = new ServiceRegistry(db.services());
    registry.define(SERVICE.formatted("doubler", "child"), Instant.EPOCH);
    registry.define(SERVICE.formatted("nowhere", "absent"), Instant.EPOCH);
  }

  /** In the runtime of {@code weft run}: the child is driven to its end on the caller's thread. */
  private void inRuntime(TestDb kind, Check check) throws Exception {
    TestDb.Place place = kind.place(dir);
    try (Database db = place.open()) {
      define(db);
      AtomicInteger n = new AtomicInteger();
      WorkflowRuntime rt = new WorkflowRuntime(db, new FakeClock(1000), () -> "i" + n.incrementAndGet(), Duration.ofSeconds(5));
      AtomicInteger keys = new AtomicInteger();
      check.on((service, input) -> rt.run(CALLER.formatted(service, service), json(input), "k" + keys.incrementAndGet()), db);
    } finally {
      place.dispose().run();
    }
  }

  /** In a server's engine: the caller waits without a thread and the child's outcome is delivered. */
  private void inEngine(TestDb kind, Check check) throws Exception {
    TestDb.Place place = kind.place(dir);
    try (Database db = place.open()) {
      define(db);
      AtomicInteger ids = new AtomicInteger();
      WorkflowEngine engine = WorkflowEngine.open(db, EngineSettings.of("solo"), RuntimeClock.system(),
          () -> "e" + ids.incrementAndGet());
      AtomicInteger keys = new AtomicInteger();
      try {
        check.on((service, input) -> {
          String id = engine.start(CALLER.formatted(service, service), json(input), "k" + keys.incrementAndGet());
          Await.until(() -> db.instances().find(id).map(i -> i.status().terminal()).orElse(false),
              () -> id + " is " + db.instances().find(id).map(Instance::status).orElse(null));
          return engine.result(id);
        }, db);
      } finally {
        engine.close();
      }
    } finally {
      place.dispose().run();
    }
  }

  private static List<Instance> children(Database db) {
    return db.instances().list(InstanceFilter.all(10).withDefinition("test/child"));
  }

  private static final Check OUTPUT = (caller, db) -> {
    RunResult r = caller.call("doubler", "{\"n\": 21}");
    assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(r.output()).isEqualTo(json("{\"doubled\": 42}"));
    List<Instance> children = children(db);
    assertThat(children).hasSize(1);
    assertThat(children.getFirst().id()).isEqualTo(ChildWorkflows.childId(r.instanceId() + "/do/0/double@1"));
    assertThat(children.getFirst().status()).isEqualTo(InstanceStatus.COMPLETED);
  };

  private static final Check BROKEN_OUTPUT = (caller, db) -> {
    RunResult r = caller.call("doubler", "{\"n\": 60}");
    assertThat(r.status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(r.error().path("type").asText()).endsWith("/errors/validation");
    assertThat(r.error().path("detail").asText()).contains("the output of service doubler@1.0.0 breaks its contract")
        .contains("/doubled");
    assertThat(r.error().path("instance").asText()).isEqualTo("/do/0/double");
    assertThat(children(db)).singleElement().extracting(Instance::status).as("the child itself completed")
        .isEqualTo(InstanceStatus.COMPLETED);
  };

  private static final Check BROKEN_INPUT = (caller, db) -> {
    RunResult r = caller.call("doubler", "{\"n\": \"seven\"}");
    assertThat(r.status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(r.error().path("detail").asText()).contains("the input of service doubler@1.0.0 breaks its contract")
        .contains("/y");
    assertThat(children(db)).as("no child is started for a call its contract refuses").isEmpty();
  };

  private static final Check FAILED_CHILD_AND_MISSING_WORKFLOW = (caller, db) -> {
    RunResult failed = caller.call("doubler", "{\"n\": -1}");
    assertThat(failed.status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(failed.error().path("type").asText()).isEqualTo("https://example.com/negative");
    RunResult missing = caller.call("nowhere", "{\"n\": 1}");
    assertThat(missing.status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(missing.error().path("status").asInt()).isEqualTo(404);
    assertThat(missing.error().path("detail").asText()).contains("test/absent version 1.0.0");
  };

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void in_the_runtime_the_childs_output_is_the_calls_output(TestDb kind) throws Exception {
    inRuntime(kind, OUTPUT);
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void in_the_runtime_an_output_that_breaks_the_contract_fails_the_call(TestDb kind) throws Exception {
    inRuntime(kind, BROKEN_OUTPUT);
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void in_the_runtime_an_input_that_breaks_the_contract_starts_no_child(TestDb kind) throws Exception {
    inRuntime(kind, BROKEN_INPUT);
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void in_the_runtime_a_failed_child_or_a_missing_workflow_fails_the_call(TestDb kind) throws Exception {
    inRuntime(kind, FAILED_CHILD_AND_MISSING_WORKFLOW);
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void in_a_server_the_childs_output_is_the_calls_output_and_its_link_names_the_service(TestDb kind) throws Exception {
    inEngine(kind, (caller, db) -> {
      OUTPUT.on(caller, db);
      Instance parent = db.instances().list(InstanceFilter.all(10).withDefinition("test/caller-doubler")).getFirst();
      List<ChildInstance> links = db.children().ofParent(parent.id());
      assertThat(links).singleElement().satisfies(l -> {
        assertThat(l.serviceKey()).isEqualTo("doubler@1.0.0");
        assertThat(l.deliveredAt()).isNotNull();
      });
    });
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void in_a_server_an_output_that_breaks_the_contract_fails_the_call(TestDb kind) throws Exception {
    inEngine(kind, BROKEN_OUTPUT);
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void in_a_server_an_input_that_breaks_the_contract_starts_no_child(TestDb kind) throws Exception {
    inEngine(kind, BROKEN_INPUT);
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void in_a_server_a_failed_child_or_a_missing_workflow_fails_the_call(TestDb kind) throws Exception {
    inEngine(kind, FAILED_CHILD_AND_MISSING_WORKFLOW);
  }
}
