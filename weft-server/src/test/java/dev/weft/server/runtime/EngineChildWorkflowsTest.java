package dev.weft.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.store.ChildInstance;
import dev.weft.server.secrets.SecretSource;
import dev.weft.store.Database;
import dev.weft.store.Definition;
import dev.weft.store.Instance;
import dev.weft.store.InstanceStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code run: workflow} in the multi-threaded engine (a server), on H2 and PostgreSQL: the child is
 * an instance of its own that any engine drives, the parent waits without a thread, the child's
 * output or error comes back as the step's result once, and a parent that ends first takes its
 * children with it.
 */
class EngineChildWorkflowsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHILD = """
      document: { dsl: '1.0.0', namespace: test, name: child, version: '1.0.0' }
      do:
        - check:
            if: '${ .y < 0 }'
            raise: { error: { type: 'https://example.com/negative', status: 400, title: Negative } }
        - square:
            call: square
            with: { x: '${ .y }' }
        - wrap:
            set: { squared: '${ . }' }
      """;
  private static final String SLEEPER = """
      document: { dsl: '1.0.0', namespace: test, name: sleeper, version: '1.0.0' }
      do:
        - nap:
            wait: PT1H
      """;
  private static final String PARENT = """
      document: { dsl: '1.0.0', namespace: test, name: parent-%s, version: '0.1.0' }
      do:
        - child:
            run: { workflow: { namespace: test, name: %s, version: '1.0.0', input: { y: '${ .n }' } } }
        - after:
            set: { got: '${ .squared }' }
      """;
  private static final String SELF = """
      document: { dsl: '1.0.0', namespace: test, name: self, version: '1.0.0' }
      do:
        - again:
            run: { workflow: { namespace: test, name: self, version: '1.0.0', input: {} } }
      """;

  @TempDir
  Path dir;

  interface Work {
    void on(WorkflowEngine engine, Database db) throws Exception;
  }

  interface Setup {
    void on(Database db) throws Exception;
  }

  private void with(TestDb kind, Work work) throws Exception {
    with(kind, db -> { }, work);
  }

  /** As above, {@code before} run on the database before the engine opens (nothing carries commands out yet). */
  private void with(TestDb kind, Setup before, Work work) throws Exception {
    TestDb.Place place = kind.place(dir);
    AtomicInteger ids = new AtomicInteger();
    try (Database db = place.open()) {
      for (String doc : List.of(CHILD, SLEEPER)) {
        new Definitions(db.definitions()).store(doc, Instant.EPOCH);
      }
      before.on(db);
      WorkflowEngine engine = WorkflowEngine.open(db, EngineSettings.of("solo"), RuntimeClock.system(),
          () -> "i-" + ids.incrementAndGet());
      try {
        work.on(engine, db);
      } finally {
        engine.close();
      }
    } finally {
      place.dispose().run();
    }
  }

  private static Instance awaitStatus(Database db, String id, InstanceStatus... statuses) throws InterruptedException {
    Await.until(() -> db.instances().find(id).map(i -> List.of(statuses).contains(i.status())).orElse(false),
        () -> id + " is " + db.instances().find(id).map(Instance::status).orElse(null));
    return db.instances().find(id).orElseThrow();
  }

  /** The id of the first child of {@code parent}, once it is started and running. */
  private static String runningChild(Database db, String parent) throws InterruptedException {
    Await.until(() -> !db.children().ofParent(parent).isEmpty(), () -> "no child started yet");
    String child = db.children().ofParent(parent).getFirst().childId();
    awaitStatus(db, child, InstanceStatus.RUNNING);
    return child;
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void the_childs_output_is_the_steps_result_and_the_child_is_an_instance_of_its_own(TestDb kind) throws Exception {
    with(kind, (engine, db) -> {
      String parent = engine.start(PARENT.formatted("ok", "child"), JSON.readTree("{\"n\": 7}"), "p-ok");
      awaitStatus(db, parent, InstanceStatus.COMPLETED, InstanceStatus.FAILED);
      assertThat(engine.result(parent).output()).as(String.valueOf(engine.result(parent).error()))
          .isEqualTo(JSON.readTree("{\"got\": 49}"));
      List<ChildInstance> links = db.children().ofParent(parent);
      assertThat(links).hasSize(1);
      ChildInstance link = links.getFirst();
      assertThat(link.childId()).isEqualTo(ChildWorkflows.childId(link.decisionId()));
      assertThat(link.depth()).isEqualTo(1);
      assertThat(link.deliveredAt()).isNotNull();
      Instance child = db.instances().find(link.childId()).orElseThrow();
      assertThat(child.status()).isEqualTo(InstanceStatus.COMPLETED);
      assertThat(child.definitionName()).isEqualTo("test/child");
      assertThat(Snapshots.result(child).output()).isEqualTo(JSON.readTree("{\"squared\": 49}"));
    });
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_failed_child_fails_the_step_with_the_childs_error(TestDb kind) throws Exception {
    with(kind, (engine, db) -> {
      String parent = engine.start(PARENT.formatted("bad", "child"), JSON.readTree("{\"n\": -1}"), "p-bad");
      Instance p = awaitStatus(db, parent, InstanceStatus.COMPLETED, InstanceStatus.FAILED);
      assertThat(p.status()).isEqualTo(InstanceStatus.FAILED);
      assertThat(engine.result(parent).error().path("type").asText()).isEqualTo("https://example.com/negative");
      assertThat(db.instances().find(db.children().ofParent(parent).getFirst().childId()).orElseThrow().status())
          .isEqualTo(InstanceStatus.FAILED);
    });
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void cancelling_the_parent_cancels_the_child_it_waits_for(TestDb kind) throws Exception {
    with(kind, (engine, db) -> {
      String parent = engine.start(PARENT.formatted("wait", "sleeper"), JSON.readTree("{\"n\": 1}"), "p-wait");
      String child = runningChild(db, parent);
      new InstanceOperations(db, RuntimeClock.system(), () -> "op").cancel(parent, "changed my mind");
      Instance c = awaitStatus(db, child, InstanceStatus.CANCELLED);
      assertThat(c.status()).isEqualTo(InstanceStatus.CANCELLED);
      Await.until(() -> db.children().find(db.children().ofParent(parent).getFirst().commandId()).orElseThrow()
          .deliveredAt() != null, () -> "the cancelled child's link is not closed");
      assertThat(db.instances().find(parent).orElseThrow().status()).isEqualTo(InstanceStatus.CANCELLED);
    });
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void suspending_the_parent_suspends_the_child_and_resuming_it_resumes_only_the_children_it_held(TestDb kind)
      throws Exception {
    with(kind, (engine, db) -> {
      InstanceOperations ops = new InstanceOperations(db, RuntimeClock.system(), () -> "op");
      String parent = engine.start(PARENT.formatted("held", "sleeper"), JSON.readTree("{\"n\": 1}"), "p-held");
      String child = runningChild(db, parent);

      assertThat(ops.suspend(parent, "maintenance")).isEqualTo(InstanceStatus.SUSPENDED);
      assertThat(db.instances().find(child).orElseThrow().status()).as("suspended in the parent's transaction")
          .isEqualTo(InstanceStatus.SUSPENDED);
      assertThat(db.children().ofChild(child).orElseThrow().heldWithParent()).isTrue();
      assertThat(ops.resume(parent)).isEqualTo(InstanceStatus.RUNNING);
      assertThat(db.instances().find(child).orElseThrow().status()).isEqualTo(InstanceStatus.RUNNING);
      assertThat(db.children().ofChild(child).orElseThrow().heldWithParent()).isFalse();

      assertThat(ops.suspend(child, "looking at it")).as("suspended by hand").isEqualTo(InstanceStatus.SUSPENDED);
      ops.suspend(parent, "maintenance again");
      ops.resume(parent);
      assertThat(db.instances().find(child).orElseThrow().status()).as("a child suspended on its own stays so")
          .isEqualTo(InstanceStatus.SUSPENDED);
      ops.resume(child);
      assertThat(db.instances().find(child).orElseThrow().status()).isEqualTo(InstanceStatus.RUNNING);
    });
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_child_whose_start_was_issued_before_its_parent_was_suspended_starts_held_with_the_parent(TestDb kind)
      throws Exception {
    InstanceOperations[] ops = new InstanceOperations[1];
    with(kind, db -> { // the parent issues its run: workflow command and is suspended before any engine carries it out
      Definitions defs = new Definitions(db.definitions());
      Definition def = defs.store(PARENT.formatted("late", "child"), Instant.EPOCH);
      Recorder recorder = new Recorder(db, new DecisionWriter(db, defs, SecretSource.none()));
      long now = System.currentTimeMillis();
      db.transactor().inTransaction(() -> recorder.started("p-late", "p-late", def, JSON.valueToTree(Map.of("n", 7)), now));
      assertThat(db.outbox().pending(10)).as("the command that starts the child").hasSize(1);
      ops[0] = new InstanceOperations(db, RuntimeClock.system(), () -> "op");
      assertThat(ops[0].suspend("p-late", "maintenance")).isEqualTo(InstanceStatus.SUSPENDED);
    }, (engine, db) -> {
      Await.until(() -> !db.children().ofParent("p-late").isEmpty(), () -> "no child started yet");
      String child = db.children().ofParent("p-late").getFirst().childId();
      awaitStatus(db, child, InstanceStatus.SUSPENDED, InstanceStatus.COMPLETED);
      assertThat(db.instances().find(child).orElseThrow().status()).as("suspended as it starts, with its parent")
          .isEqualTo(InstanceStatus.SUSPENDED);
      assertThat(db.children().ofChild(child).orElseThrow().heldWithParent()).isTrue();

      assertThat(ops[0].resume("p-late")).isEqualTo(InstanceStatus.RUNNING);
      awaitStatus(db, "p-late", InstanceStatus.COMPLETED, InstanceStatus.FAILED);
      assertThat(engine.result("p-late").output()).as(String.valueOf(engine.result("p-late").error()))
          .isEqualTo(JSON.readTree("{\"got\": 49}"));
      assertThat(db.instances().find(child).orElseThrow().status()).isEqualTo(InstanceStatus.COMPLETED);
    });
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void retrying_the_child_that_failed_its_parent_retries_the_parent_which_waits_for_that_same_child(TestDb kind)
      throws Exception {
    with(kind, (engine, db) -> {
      Path marker = dir.resolve("marker-" + kind);
      new Definitions(db.definitions()).store("""
          document: { dsl: '1.0.0', namespace: test, name: flaky, version: '1.0.0' }
          do:
            - probe:
                run: { shell: { command: 'cat %s' } }
          """.formatted(marker), Instant.EPOCH);
      String parent = engine.start("""
          document: { dsl: '1.0.0', namespace: test, name: parent-retry, version: '0.1.0' }
          do:
            - child:
                run: { workflow: { namespace: test, name: flaky, version: '1.0.0', input: {} } }
          """, JSON.readTree("{}"), "p-retry");
      awaitStatus(db, parent, InstanceStatus.FAILED, InstanceStatus.COMPLETED);
      assertThat(db.instances().find(parent).orElseThrow().status()).as("the marker is not there yet")
          .isEqualTo(InstanceStatus.FAILED);
      ChildInstance first = db.children().ofParent(parent).getFirst();
      assertThat(first.deliveredAt()).isNotNull();

      java.nio.file.Files.writeString(marker, "ready");
      InstanceOperations ops = new InstanceOperations(db, RuntimeClock.system(), () -> "op");
      assertThat(ops.retryFromFailedStep(first.childId())).isEqualTo(InstanceStatus.RUNNING);
      assertThat(db.instances().find(parent).orElseThrow().status()).as("retried in the child's transaction")
          .isEqualTo(InstanceStatus.RUNNING);
      awaitStatus(db, parent, InstanceStatus.COMPLETED, InstanceStatus.FAILED);
      assertThat(engine.result(parent).output().toString()).as(String.valueOf(engine.result(parent).error()))
          .contains("ready");
      List<ChildInstance> links = db.children().ofParent(parent);
      assertThat(links).as("the parent waited for the same child, it started no other").singleElement()
          .satisfies(l -> {
            assertThat(l.childId()).isEqualTo(first.childId());
            assertThat(l.decisionId()).isEqualTo(first.decisionId() + "/rerun/1");
            assertThat(l.deliveredAt()).isNotNull();
          });
      assertThat(db.instances().find(first.childId()).orElseThrow().status()).isEqualTo(InstanceStatus.COMPLETED);
    });
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_workflow_not_stored_and_one_that_runs_itself_fault_the_step(TestDb kind) throws Exception {
    with(kind, (engine, db) -> {
      String missing = engine.start(PARENT.formatted("none", "nowhere"), JSON.readTree("{\"n\": 1}"), "p-none");
      awaitStatus(db, missing, InstanceStatus.FAILED);
      assertThat(engine.result(missing).error().path("status").asInt()).isEqualTo(404);
      assertThat(engine.result(missing).error().path("detail").asText()).contains("test/nowhere");
      assertThat(db.children().ofParent(missing)).isEmpty();

      String self = engine.start(SELF, JSON.readTree("{}"), "p-self");
      Instance root = awaitStatus(db, self, InstanceStatus.FAILED);
      assertThat(engine.result(root.id()).error().path("status").asInt()).isEqualTo(508);
      int depth = 0;
      for (String at = self; !db.children().ofParent(at).isEmpty(); at = db.children().ofParent(at).getFirst().childId()) {
        depth++;
      }
      assertThat(depth).as("children started before the nesting limit").isEqualTo(ChildStarts.MAX_DEPTH);
    });
  }
}
