package dev.weft.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.store.Database;
import dev.weft.store.InstanceFilter;
import dev.weft.store.InstanceStatus;
import dev.weft.workflow.decide.Command;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code run: workflow} starts a durable child; {@code run: container} and {@code run: script} fail clearly. */
class ChildWorkflowsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A child that doubles {@code .y}, raising a 400 for a negative one (shared with {@link WorkflowServicesTest}). */
  static final String CHILD = """
      document: { dsl: '1.0.0', namespace: test, name: child, version: '1.0.0' }
      do:
        - check:
            if: '${ .y < 0 }'
            raise: { error: { type: 'https://example.com/negative', status: 400, title: Negative } }
        - double:
            set: { doubled: '${ .y * 2 }' }
      """;
  private static final String PARENT = """
      document: { dsl: '1.0.0', namespace: test, name: parent, version: '0.1.0' }
      do:
        - child:
            run: { workflow: { namespace: test, name: %s, version: '1.0.0', input: { y: '${ .n }' } } }
      """;

  @TempDir
  Path dir;

  private static JsonNode json(String s) {
    try {
      return JSON.readTree(s);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  interface Work {
    void on(WorkflowRuntime rt, Database db);
  }

  private void with(TestDb db, Work work) {
    TestDb.Place place = db.place(dir);
    try (Database d = place.open()) {
      AtomicInteger n = new AtomicInteger();
      work.on(new WorkflowRuntime(d, new FakeClock(1000), () -> "i" + n.incrementAndGet(), Duration.ofSeconds(5)), d);
    } finally {
      place.dispose().run();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void theChildsOutputIsTheStepsResult(TestDb db) {
    with(db, (rt, d) -> {
      rt.define(CHILD);
      RunResult r = rt.run(PARENT.formatted("child"), json("{\"n\": 21}"), "k1");
      assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(InstanceStatus.COMPLETED);
      assertThat(r.output()).isEqualTo(json("{\"doubled\": 42}"));
      RunResult child = rt.result(ChildWorkflows.childId("i1/do/0/child@1"));
      assertThat(child.status()).isEqualTo(InstanceStatus.COMPLETED);
      assertThat(d.instances().list(InstanceFilter.all(10).withDefinition("test/child"))).hasSize(1);
    });
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void carryingTheCommandOutAgainFindsTheSameChild(TestDb db) {
    with(db, (rt, d) -> {
      rt.define(CHILD);
      rt.run(PARENT.formatted("child"), json("{\"n\": 5}"), "k1");
      ChildWorkflows again = new ChildWorkflows(rt, new Definitions(d.definitions()));
      Command.RunWorkflow retry = new Command.RunWorkflow("i1/do/0/child@1", "/do/0/child",
          json("{\"namespace\": \"test\", \"name\": \"child\", \"version\": \"1.0.0\"}"), json("{\"y\": 99}"));
      try {
        assertThat(again.run(retry)).as("the first child's output, not a new run").isEqualTo(json("{\"doubled\": 10}"));
      } catch (CommandFault f) {
        throw new AssertionError(f.error().toString());
      }
      assertThat(d.instances().list(InstanceFilter.all(10).withDefinition("test/child"))).hasSize(1);
    });
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void aFailingChildFaultsTheParentWithItsError(TestDb db) {
    with(db, (rt, d) -> {
      rt.define(CHILD);
      RunResult r = rt.run(PARENT.formatted("child"), json("{\"n\": -1}"), "k1");
      assertThat(r.status()).isEqualTo(InstanceStatus.FAILED);
      assertThat(r.error().path("type").asText()).isEqualTo("https://example.com/negative");
    });
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void anUnknownChildIsAConfigurationError(TestDb db) {
    with(db, (rt, d) -> {
      RunResult r = rt.run(PARENT.formatted("nobody"), json("{\"n\": 1}"), "k1");
      assertThat(r.status()).isEqualTo(InstanceStatus.FAILED);
      assertThat(r.error().path("type").asText()).endsWith("/errors/configuration");
      assertThat(r.error().path("detail").asText()).contains("test/nobody version 1.0.0");
      assertThat(r.error().path("instance").asText()).isEqualTo("/do/0/child");
    });
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void containerAndScriptFailAsNotSupported(TestDb db) {
    with(db, (rt, d) -> {
      RunResult r = rt.run("""
          document: { dsl: '1.0.0', namespace: test, name: boxed, version: '0.1.0' }
          do:
            - box:
                run: { container: { image: 'alpine:3' } }
          """, json("{}"), "k1");
      assertThat(r.status()).isEqualTo(InstanceStatus.FAILED);
      assertThat(r.error().path("type").asText()).isEqualTo("https://serverlessworkflow.io/spec/1.0.0/errors/runtime");
      assertThat(r.error().path("status").asInt()).isEqualTo(501);
      assertThat(r.error().path("detail").asText()).contains("not supported: no container runtime configured");
    });
  }
}
