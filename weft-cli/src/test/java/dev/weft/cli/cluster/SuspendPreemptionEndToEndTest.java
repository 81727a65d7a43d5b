package dev.weft.cli.cluster;

import static dev.weft.cli.cluster.ClusterChecks.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Resources;
import dev.weft.model.TaskRun;
import dev.weft.model.TaskSpec;
import dev.weft.model.lifecycle.TaskState;
import dev.weft.scheduler.api.PreemptionMode;
import dev.weft.server.QuietLibraries;
import dev.weft.server.ServerSettings;
import dev.weft.server.WeftServer;
import dev.weft.server.api.ApiSettings;
import dev.weft.server.api.Bodies;
import dev.weft.server.api.auth.Tokens;
import dev.weft.server.scheduling.JobSubmission;
import dev.weft.server.scheduling.SchedulingSettings;
import dev.weft.store.Database;
import dev.weft.store.TaskRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Preemption by suspension end to end: a server with {@code --preemption suspend} (in this JVM, H2)
 * and a real {@code weft agent} (a child JVM; enforcement none, so SIGSTOP and SIGCONT). A
 * low-priority shell task counts to 40 in a file; a high-priority task that needs the node's CPU
 * stops it in place. The count stands still while it is suspended, goes on where it stopped once
 * the high-priority task ended, and ends at 40 with every number written once: the task was never
 * killed or started again.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SuspendPreemptionEndToEndTest {
  private static final String AGENT = "agent-token-suspend-0123456789";

  @TempDir
  Path dir;

  @Test
  void a_preempted_shell_task_stops_in_place_and_goes_on_where_it_was() throws Exception {
    QuietLibraries.apply();
    int port = ChildProcess.freeLoopbackPort();
    String base = "http://127.0.0.1:" + port;
    Tokens tokens = Tokens.parse(AGENT + " agent a\n", "tokens");
    WeftServer server = WeftServer.start(new ServerSettings("jdbc:h2:file:" + dir.resolve("db/weft").toAbsolutePath(),
        new ApiSettings("127.0.0.1", port, tokens, Bodies.DEFAULT_LIMIT), 2),
        SchedulingSettings.withNodeTimeout("suspend-e2e", Duration.ofSeconds(30)).withPreemption(PreemptionMode.SUSPEND),
        List.of());
    ChildProcess agent = null;
    try {
      agent = ChildProcess.agent("node-s", "eu/zone-a/rack-1", List.of(base), AGENT, dir);
      ChildProcess a = agent;
      Database db = server.database();
      waitFor("the agent joined", () -> !db.nodes().list().isEmpty(), a::output);
      Path ticks = dir.resolve("ticks");
      submit(db, "low", 10, "for i in $(seq 1 40); do echo $i >> " + ticks + "; sleep 0.1; done");
      waitFor("the low-priority task counts", () -> lines(ticks) >= 3, a::output);

      submit(db, "high", 90, "sleep 3");
      waitFor("the low-priority task is suspended", () -> status(db, "low") == TaskState.SUSPENDED,
          () -> db.tasks().find("low").toString());
      waitFor("its count stands still", () -> standsStill(ticks), () -> lines(ticks) + " lines");
      int stoppedAt = lines(ticks);
      assertThat(stoppedAt).as("stopped before the end").isLessThan(40);

      waitFor("the high-priority task ran", () -> status(db, "high") == TaskState.SUCCEEDED,
          () -> db.tasks().find("high").toString() + "\n" + a.output());
      waitFor("the low-priority task resumed and ended", () -> status(db, "low") == TaskState.SUCCEEDED,
          () -> db.tasks().find("low").toString() + "\n" + a.output());
      TaskRecord low = db.tasks().find("low").orElseThrow();
      assertThat(low.attempt()).as("never queued again").isZero();
      assertThat(low.nodeId()).isEqualTo("node-s");
      assertThat(Files.readAllLines(ticks)).as("every number once, in order: it went on where it stopped")
          .containsExactlyElementsOf(IntStream.rangeClosed(1, 40).mapToObj(Integer::toString).toList());
      assertThat(a.output()).contains("node-s");
    } finally {
      if (agent != null) {
        agent.close();
      }
      server.close();
    }
  }

  private static void submit(Database db, String id, int priority, String script) {
    TaskSpec spec = TaskSpec.builder(id).job(id).resources(Resources.of(2000, 64)).priority(priority)
        .run(TaskRun.shell(script)).build();
    new JobSubmission(db).submit(id, id, List.of(spec), Instant.now());
  }

  private static TaskState status(Database db, String id) {
    return db.tasks().find(id).map(TaskRecord::status).orElse(null);
  }

  private static int lines(Path f) {
    try {
      return Files.exists(f) ? Files.readAllLines(f).size() : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  /** Whether no line is added over a second (a running count adds about ten). */
  private static boolean standsStill(Path f) {
    int before = lines(f);
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return lines(f) == before;
  }
}
