package dev.weft.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.model.lifecycle.TaskEvent;
import dev.weft.server.scheduling.QueueTrees;
import dev.weft.server.secrets.SecretSource;
import dev.weft.server.services.ServiceRegistry;
import dev.weft.store.CommandTask;
import dev.weft.store.Database;
import dev.weft.store.InstanceStatus;
import dev.weft.store.PendingCommand;
import dev.weft.store.ServiceSlots;
import dev.weft.store.TaskChange;
import dev.weft.store.TaskOutput;
import dev.weft.store.TaskRecord;
import dev.weft.workflow.decide.Command;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server-mode path of a command, piece by piece on a real database: a shell step becomes one
 * task however often its outbox entry is carried out, placed by its metadata.weft; its outcome is
 * recorded once however often it is delivered; cancelling the instance cancels the task.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WorkflowTasksTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SHELL = """
      document: { dsl: '1.0.0', namespace: t, name: shell-task, version: '1.0.0' }
      do:
        - hello:
            run: { shell: { command: 'echo hi' } }
            metadata:
              weft: { resources: { cpu: 0.5, memory: 128 }, queue: root.default, priority: 70 }
      """;
  @TempDir
  Path dir;

  private record Rig(Database db, Recorder recorder, TaskCommands tasks, TaskOutcomes outcomes) {}

  private Rig rig(Database db) {
    return rig(db, () -> { });
  }

  private Rig rig(Database db, Runnable tasksCancelled) {
    Definitions definitions = new Definitions(db.definitions());
    Recorder recorder = new Recorder(db, new DecisionWriter(db, definitions, SecretSource.none()), tasksCancelled);
    ServiceCalls calls = new ServiceCalls(new ServiceRegistry(db.services()), null);
    return new Rig(db, recorder, new TaskCommands(calls, definitions, db.instances(), new QueueTrees(db)),
        new TaskOutcomes(db, calls, new WorkflowTaskSecrets(db, SecretSource.none())));
  }

  private static PendingCommand theEntry(Database db) {
    List<PendingCommand> pending = db.outbox().pending(10);
    assertThat(pending).hasSize(1);
    return pending.getFirst();
  }

  private static void finish(Database db, String taskId, TaskEvent... events) {
    for (TaskEvent e : events) {
      TaskRecord t = db.tasks().find(taskId).orElseThrow();
      db.tasks().apply(e == TaskEvent.PLACE ? TaskChange.place(taskId, t.version(), "n-1")
          : e == TaskEvent.SUCCEED ? TaskChange.finish(taskId, t.version(), 0, null)
          : TaskChange.of(taskId, t.version(), e, "test"), Instant.EPOCH);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_shell_step_becomes_one_task_and_its_outcome_is_recorded_once(TestDb kind) throws Exception {
    try (TestDb.Opened opened = kind.open(dir)) {
      Database db = opened.db();
      Rig rig = rig(db);
      String id = new WorkflowRuntime(db, new FakeClock(1000), () -> "i-1", Duration.ofSeconds(5))
          .start(SHELL, JSON.readTree("{}"), "k");
      PendingCommand p = theEntry(db);
      Command c = Journal.command(p.type(), p.payload());
      TaskCommands.Submission s = rig.tasks().submission(id, p.id(), c).orElseThrow();
      assertThat(s.spec().resources().cpuMillis()).isEqualTo(500);
      assertThat(s.spec().resources().memoryMiB()).isEqualTo(128);
      assertThat(s.spec().priority()).isEqualTo(70);
      assertThat(s.spec().run().argv()).containsExactly("sh", "-c", "echo hi");
      assertThat(s.spec().id()).isEqualTo(TaskCommands.taskId(id, p.id())).startsWith("wf-" + id + "-");

      assertThat(db.transactor().inTransaction(() -> rig.recorder().commandBecameTask(p, c.id(), s, 2000))).isTrue();
      assertThat(db.transactor().inTransaction(() -> rig.recorder().commandBecameTask(p, c.id(), s, 3000)))
          .as("the entry carried out again").isFalse();
      new dev.weft.server.scheduling.JobSubmission(db).submit(s.spec().id(), s.jobName(), List.of(s.spec()), Instant.EPOCH);
      assertThat(db.commandTasks().ofInstance(id)).hasSize(1);
      assertThat(db.tasks().ofJob(s.spec().id())).hasSize(1);

      finish(db, s.spec().id(), TaskEvent.PLACE, TaskEvent.START, TaskEvent.SUCCEED);
      db.taskOutputs().save(new TaskOutput(s.spec().id(), 0, "hi\n", ""));
      List<CommandTask> ended = db.commandTasks().ended(10);
      assertThat(ended).hasSize(1);
      var outcome = rig.outcomes().of(ended.getFirst());
      assertThat(db.transactor().inTransaction(() -> rig.recorder().taskEnded(ended.getFirst(), outcome, 4000))).isTrue();
      assertThat(db.transactor().inTransaction(() -> rig.recorder().taskEnded(ended.getFirst(), outcome, 5000)))
          .as("a second deliverer").isFalse();
      var inst = db.instances().find(id).orElseThrow();
      assertThat(inst.status()).isEqualTo(InstanceStatus.COMPLETED);
      assertThat(db.events().history(id)).filteredOn(e -> e.type().equals("CommandCompleted")).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void the_outcome_of_a_task_gives_its_call_s_service_slot_to_the_next_call_in_line(TestDb kind) throws Exception {
    try (TestDb.Opened opened = kind.open(dir)) {
      Database db = opened.db();
      Rig rig = rig(db);
      String id = new WorkflowRuntime(db, new FakeClock(1000), () -> "i-5", Duration.ofSeconds(5))
          .start(SHELL, JSON.readTree("{}"), "k");
      PendingCommand p = theEntry(db);
      Command c = Journal.command(p.type(), p.payload());
      TaskCommands.Submission s = rig.tasks().submission(id, p.id(), c).orElseThrow();
      db.serviceSlots().take("echo", p.id(), id, 1, Instant.EPOCH);
      db.serviceSlots().take("echo", "next-call", "other-instance", 1, Instant.EPOCH.plusSeconds(1));
      db.transactor().inTransaction(() -> rig.recorder().commandBecameTask(p, c.id(), s, 2000));
      assertThat(db.serviceSlots().of(p.id())).as("held while its task runs").contains(ServiceSlots.Admission.HELD);

      finish(db, s.spec().id(), TaskEvent.PLACE, TaskEvent.START, TaskEvent.SUCCEED);
      db.taskOutputs().save(new TaskOutput(s.spec().id(), 0, "hi\n", ""));
      CommandTask ended = db.commandTasks().ended(10).getFirst();
      var outcome = rig.outcomes().of(ended);
      assertThat(db.transactor().inTransaction(() -> rig.recorder().taskEnded(ended, outcome, 4000))).isTrue();
      assertThat(db.serviceSlots().of(p.id())).isEmpty();
      assertThat(db.serviceSlots().of("next-call")).contains(ServiceSlots.Admission.HELD);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_queue_the_tree_lacks_and_bad_settings_fault_the_step_by_name(TestDb kind) throws Exception {
    try (TestDb.Opened opened = kind.open(dir)) {
      Database db = opened.db();
      Rig rig = rig(db);
      String id = new WorkflowRuntime(db, new FakeClock(1000), () -> "i-2", Duration.ofSeconds(5))
          .start(SHELL.replace("queue: root.default", "queue: root.nowhere").replace("priority: 70", "prio: 70"),
              JSON.readTree("{}"), "k");
      PendingCommand p = theEntry(db);
      Command c = Journal.command(p.type(), p.payload());
      Optional<CommandFault> fault = faultOf(() -> rig.tasks().submission(id, p.id(), c));
      assertThat(fault).get().extracting(f -> f.error().path("detail").asText()).asString()
          .contains("/do/0/hello/metadata/weft/prio", "unknown field");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void cancelling_the_instance_cancels_its_task(TestDb kind) throws Exception {
    try (TestDb.Opened opened = kind.open(dir)) {
      Database db = opened.db();
      Rig rig = rig(db);
      String id = new WorkflowRuntime(db, new FakeClock(1000), () -> "i-3", Duration.ofSeconds(5))
          .start(SHELL, JSON.readTree("{}"), "k");
      PendingCommand p = theEntry(db);
      Command c = Journal.command(p.type(), p.payload());
      TaskCommands.Submission s = rig.tasks().submission(id, p.id(), c).orElseThrow();
      db.transactor().inTransaction(() -> rig.recorder().commandBecameTask(p, c.id(), s, 2000));
      finish(db, s.spec().id(), TaskEvent.PLACE, TaskEvent.START);
      List<String> rung = new java.util.ArrayList<>();
      // the bell of the agents' polls: a poll woken by it must find the task cancelled (rung after the commit)
      Runnable bell = () -> rung.add(db.tasks().find(s.spec().id()).orElseThrow().status().name());
      InstanceOperations ops = new InstanceOperations(db, new FakeClock(3000), () -> "x", SecretSource.none(), bell);
      ops.cancel(id, "enough");
      TaskRecord t = db.tasks().find(s.spec().id()).orElseThrow();
      assertThat(t.status().name()).isEqualTo("CANCELLED");
      assertThat(t.message()).contains("instance " + id + " was cancelled: enough");
      assertThat(rung).containsExactly("CANCELLED");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_fault_that_ends_the_instance_cancels_its_other_tasks(TestDb kind) throws Exception {
    try (TestDb.Opened opened = kind.open(dir)) {
      Database db = opened.db();
      List<String> rung = new java.util.ArrayList<>();
      Rig rig = rig(db, () -> rung.add("rung"));
      String id = new WorkflowRuntime(db, new FakeClock(1000), () -> "i-4", Duration.ofSeconds(5)).start("""
          document: { dsl: '1.0.0', namespace: t, name: fork-tasks, version: '1.0.0' }
          do:
            - both:
                fork:
                  branches:
                    - fails: { run: { shell: { command: 'exit 3' } } }
                    - slow: { run: { shell: { command: 'sleep 100' } } }
          """, JSON.readTree("{}"), "k");
      List<PendingCommand> entries = db.outbox().pending(10);
      assertThat(entries).hasSize(2);
      List<String> taskIds = new java.util.ArrayList<>();
      for (PendingCommand p : entries) {
        Command c = Journal.command(p.type(), p.payload());
        TaskCommands.Submission s = rig.tasks().submission(id, p.id(), c).orElseThrow();
        db.transactor().inTransaction(() -> rig.recorder().commandBecameTask(p, c.id(), s, 2000));
        taskIds.add(s.spec().id());
      }
      String failing = db.commandTasks().ofInstance(id).stream().filter(l -> l.decisionId().contains("/fails"))
          .findFirst().orElseThrow().taskId();
      String slow = taskIds.stream().filter(t -> !t.equals(failing)).findFirst().orElseThrow();
      finish(db, slow, TaskEvent.PLACE, TaskEvent.START);
      finish(db, failing, TaskEvent.PLACE, TaskEvent.FAIL);
      CommandTask ended = db.commandTasks().ended(10).getFirst();
      db.transactor().inTransaction(() -> {
        rig.recorder().taskEnded(ended, rig.outcomes().of(ended), 3000);
        assertThat(rung).as("not before the commit").isEmpty();
        return null;
      });
      assertThat(rung).as("the agents' polls are woken once").containsExactly("rung");
      assertThat(db.instances().find(id).orElseThrow().status()).isEqualTo(InstanceStatus.FAILED);
      TaskRecord stopped = db.tasks().find(slow).orElseThrow();
      assertThat(stopped.status().name()).isEqualTo("CANCELLED");
      assertThat(stopped.message()).contains("ended before this task did");
    }
  }

  private interface Attempt {
    Object run() throws CommandFault;
  }

  private static Optional<CommandFault> faultOf(Attempt a) {
    try {
      a.run();
      return Optional.empty();
    } catch (CommandFault f) {
      return Optional.of(f);
    }
  }
  @ParameterizedTest
  @EnumSource(TestDb.class)
  void the_engine_wakes_the_scheduler_once_a_steps_task_is_committed(TestDb kind) throws Exception {
    try (TestDb.Opened opened = kind.open(dir)) {
      Database db = opened.db();
      AtomicInteger rings = new AtomicInteger();
      try (WorkflowEngine engine = WorkflowEngine.open(db, EngineSettings.of("e").withTasksOnAgents(true),
          RuntimeClock.system(), () -> "i-1", SecretSource.none(), EventSink.NONE, rings::incrementAndGet)) {
        String id = engine.start(SHELL, JSON.readTree("{}"), "k");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (rings.get() == 0 && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertThat(rings.get()).as("rings after the task was submitted").isEqualTo(1);
        assertThat(db.tasks().withStatus(java.util.Set.of(dev.weft.model.lifecycle.TaskState.PENDING), 100))
            .as("the step's task, pending for the scheduler").singleElement()
            .satisfies(t -> assertThat(t.id()).startsWith("wf-" + id + "-"));
      }
    }
  }
}
