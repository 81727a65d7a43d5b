package dev.weft.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.weft.model.Resources;
import dev.weft.model.TaskRun;
import dev.weft.model.TaskSpec;
import dev.weft.model.TopologyPath;
import dev.weft.model.lifecycle.TaskState;
import dev.weft.server.scheduling.AgentDesk;
import dev.weft.server.scheduling.JobSubmission;
import dev.weft.server.scheduling.NodeLiveness;
import dev.weft.server.scheduling.QueueTrees;
import dev.weft.server.scheduling.RunId;
import dev.weft.server.scheduling.WorkBell;
import dev.weft.server.secrets.SecretSource;
import dev.weft.server.services.ServiceRegistry;
import dev.weft.store.Database;
import dev.weft.store.PendingCommand;
import dev.weft.store.TaskChange;
import dev.weft.store.TaskRecord;
import dev.weft.workflow.decide.Command;
import dev.weft.workflow.decide.Event;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The task a {@code run: shell} step becomes is stored with masks; the run a poll hands to an agent
 * has the values (from the source of the server answering the poll: one without the secret fails the
 * task, naming it); what the agent reports back is stored masked and revealed for the step's result;
 * a user's own task is never revealed. H2 and PostgreSQL.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WorkflowTaskSecretsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "tk-9f3a-secret";
  private static final SecretSource SOURCE = SecretSource.of(Map.of("token", TextNode.valueOf(SECRET)));
  private static final String DOC = """
      document: { dsl: '1.0.0', namespace: t, name: secret-task, version: '1.0.0' }
      use: { secrets: [token] }
      do:
        - leak:
            run:
              shell:
                command: '${ "curl -H " + $secrets.token + " \\u27EA" }'
                environment: { TOKEN: '${ $secrets.token }' }
                stdin: '${ "token=" + $secrets.token }'
      """;
  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_workflow_task_is_stored_masked_and_revealed_only_in_the_run_handed_out(TestDb kind) throws Exception {
    try (TestDb.Opened opened = kind.open(dir)) {
      Database db = opened.db();
      String taskId = submitted(db);
      TaskRecord stored = db.tasks().find(taskId).orElseThrow();
      assertThat(stored.spec().toString()).doesNotContain(SECRET).contains("secret:token");
      assertThat(stored.spec().path("run").path("stdin").asText()).doesNotContain(SECRET).contains("secret:token");

      AgentDesk desk = desk(db, new WorkflowTaskSecrets(db, SOURCE));
      db.tasks().apply(TaskChange.place(taskId, stored.version(), "n1"), Instant.EPOCH);
      TaskRun run = desk.poll("n1", 10, Duration.ZERO).starts().getFirst().run();
      assertThat(run.argv()).containsExactly("sh", "-c", "curl -H " + SECRET + " \u27EA");
      assertThat(run.env()).containsEntry("TOKEN", SECRET);
      assertThat(run.stdin()).isEqualTo("token=" + SECRET);

      RunId runId = new RunId(taskId, 0);
      assertThat(desk.report("n1", List.of(new AgentDesk.Change(runId, "RUNNING", null, "started"),
          new AgentDesk.Change(runId, "FAILED", 3, "exit 3 near " + SECRET, "out " + SECRET, "err " + SECRET)))).isEmpty();
      TaskRecord failed = db.tasks().find(taskId).orElseThrow();
      assertThat(failed.status()).isEqualTo(TaskState.FAILED);
      assertThat(failed.message()).doesNotContain(SECRET).contains("exit 3 near");
      assertThat(db.taskOutputs().find(taskId, 0).orElseThrow().toString()).doesNotContain(SECRET).contains("err ");
      WorkflowTaskSecrets secrets = new WorkflowTaskSecrets(db, SOURCE);
      Event outcome = new TaskOutcomes(db, new ServiceCalls(new ServiceRegistry(db.services()), null), secrets)
          .of(db.commandTasks().ofTask(taskId).orElseThrow());
      assertThat(outcome.toString()).as("the step's error, before the decision masks it at rest")
          .contains("err " + SECRET);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_server_without_the_secret_fails_the_task_naming_it(TestDb kind) throws Exception {
    try (TestDb.Opened opened = kind.open(dir)) {
      Database db = opened.db();
      String taskId = submitted(db);
      AgentDesk desk = desk(db, new WorkflowTaskSecrets(db, SecretSource.none()));
      db.tasks().apply(TaskChange.place(taskId, db.tasks().find(taskId).orElseThrow().version(), "n1"), Instant.EPOCH);
      assertThat(desk.poll("n1", 10, Duration.ZERO).starts()).isEmpty();
      TaskRecord t = db.tasks().find(taskId).orElseThrow();
      assertThat(t.status()).isEqualTo(TaskState.FAILED);
      assertThat(t.message()).contains("secret(s) token", "same secrets");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void what_the_agent_sends_back_is_stored_masked_and_a_users_task_is_left_alone(TestDb kind) throws Exception {
    try (TestDb.Opened opened = kind.open(dir)) {
      Database db = opened.db();
      String taskId = submitted(db);
      WorkflowTaskSecrets secrets = new WorkflowTaskSecrets(db, SOURCE);
      String tail = secrets.maskTail(taskId, "got " + SECRET + "\n");
      assertThat(tail).doesNotContain(SECRET);
      assertThat(secrets.maskOf(taskId).orElseThrow().reveal(tail)).isEqualTo("got " + SECRET + "\n");
      byte[] log = secrets.hideInLog(taskId, ("x" + SECRET + "y").getBytes(StandardCharsets.UTF_8));
      assertThat(new String(log, StandardCharsets.UTF_8)).isEqualTo("x" + "*".repeat(SECRET.length()) + "y");

      TaskRun forged = new TaskRun(List.of("echo", "\u27EAsecret:token\u27EB"), Map.of(), 0);
      new JobSubmission(db).submit("mine", "mine", List.of(TaskSpec.builder("mine").run(forged).build()), Instant.EPOCH);
      assertThat(secrets.reveal("mine", forged)).as("a user's task is not revealed").isEqualTo(forged);
      assertThat(secrets.maskTail("mine", SECRET)).isEqualTo(SECRET);
    }
  }

  /** Starts the workflow and carries its entry out as the engine does (revealed, then submitted); the task id. */
  private static String submitted(Database db) throws Exception {
    Definitions definitions = new Definitions(db.definitions());
    Recorder recorder = new Recorder(db, new DecisionWriter(db, definitions, SOURCE));
    String id = new WorkflowRuntime(db, new FakeClock(1000), () -> "i-s", Duration.ofSeconds(5), SOURCE)
        .start(DOC, JSON.readTree("{}"), "k");
    PendingCommand p = db.outbox().pending(10).getFirst();
    assertThat(p.payload().toString()).doesNotContain(SECRET);
    Command c = Journal.command(p.type(), recorder.revealed(p));
    TaskCommands tasks = new TaskCommands(new ServiceCalls(new ServiceRegistry(db.services()), null), definitions,
        db.instances(), new QueueTrees(db));
    TaskCommands.Submission s = tasks.submission(id, p.id(), c).orElseThrow();
    db.transactor().inTransaction(() -> recorder.commandBecameTask(p, c.id(), s, 2000));
    return s.spec().id();
  }

  private static AgentDesk desk(Database db, WorkflowTaskSecrets secrets) {
    AgentDesk desk = new AgentDesk(db, new NodeLiveness(db, Duration.ofHours(1), 3), new WorkBell(),
        InstantSource.system(), secrets);
    desk.join("n1", TopologyPath.DEFAULT, Resources.of(4000, 4096), Map.of(), "none");
    return desk;
  }
}
