package dev.weft.cli.cluster;

import static dev.weft.cli.cluster.ClusterChecks.PATIENCE;
import static dev.weft.cli.cluster.ClusterChecks.describe;
import static dev.weft.cli.cluster.ClusterChecks.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cli.WeftCommand;
import dev.weft.cli.WeftRun;
import dev.weft.model.Resources;
import dev.weft.model.TaskRun;
import dev.weft.model.TaskSpec;
import dev.weft.model.lifecycle.TaskState;
import dev.weft.server.QuietLibraries;
import dev.weft.server.ServerSettings;
import dev.weft.server.WeftServer;
import dev.weft.server.api.ApiSettings;
import dev.weft.server.api.Bodies;
import dev.weft.server.api.auth.Tokens;
import dev.weft.server.scheduling.JobSubmission;
import dev.weft.server.scheduling.SchedulingSettings;
import dev.weft.store.Database;
import dev.weft.store.TaskStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code weft task logs --follow} end to end: a server (in this JVM, restarted on the same port and
 * database mid-task; an H2 file or a PostgreSQL schema) and a real {@code weft agent} (a child JVM, killed with SIGKILL mid-task and
 * started again, adopting the task). A shell task prints lines to stdout and stderr, then waits for
 * a gate file; the CLI, run in-process through picocli, shows the first lines while the task still
 * runs and every line exactly once after it ends, stdout and stderr apart.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TaskLogsEndToEndTest {
  private static final String VIEWER = "viewer-token-logs-0123456789";
  private static final String AGENT = "agent-token-logs-0123456789";

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void follow_shows_lines_while_the_task_runs_and_all_of_them_once_across_agent_and_server_restarts(String kind)
      throws Exception {
    QuietLibraries.apply();
    try (PostgresSchema schema = kind.equals("h2") ? null : PostgresSchema.create("weft_logs_")) {
      String url = schema == null ? "jdbc:h2:file:" + dir.resolve("db/weft").toAbsolutePath() : schema.url();
      followAcrossRestarts(url);
    }
  }

  private void followAcrossRestarts(String url) throws Exception {
    Path gate = dir.resolve("gate");
    int port = ChildProcess.freeLoopbackPort();
    String base = "http://127.0.0.1:" + port;
    WeftServer server = startServer(url, port);
    List<ChildProcess> agents = new ArrayList<>();
    try {
      agents.add(ChildProcess.agent("logs-node", "eu/zone-a/rack-1", List.of(base), AGENT, dir));
      waitFor("the agent joined", () -> !server.database().nodes().list().isEmpty(), () -> agents.getFirst().output());
      submit(server.database(), "chatty", "for i in 1 2 3 4 5; do echo \"out $i\"; echo \"err $i\" >&2; sleep 0.2; done;"
          + " while [ ! -e " + gate + " ]; do sleep 0.1; done; echo 'out after the gate'; echo 'err after the gate' >&2");

      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CompletableFuture<Integer> follow = CompletableFuture.supplyAsync(() -> {
        var cli = WeftCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute("task", "logs", "chatty", "--follow", "--server", base, "--token", VIEWER);
      });
      waitFor("the follower printed the first lines", () -> out.toString().contains("out 5\n"),
          () -> "out:\n" + out + "\nerr:\n" + err);
      assertThat(follow).as("the task waits for the gate, so the follower is still following").isNotDone();
      assertThat(server.database().tasks().find("chatty").orElseThrow().status()).isEqualTo(TaskState.RUNNING);

      agents.getFirst().killHard();
      agents.add(ChildProcess.agent("logs-node", "eu/zone-a/rack-1", List.of(base), AGENT, dir));
      assertThat(agents.getLast().await(Pattern.compile("adopted 1 task"), PATIENCE))
          .as("the new agent adopts the running task:\n" + agents.getLast().output()).isPresent();
      server.close();
      WeftServer again = startServer(url, port);
      try {
        Files.createFile(gate);
        Integer code = follow.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(code).as("exit code; err:\n" + err).isZero();
        assertThat(out.toString()).isEqualTo("out 1\nout 2\nout 3\nout 4\nout 5\nout after the gate\n");
        assertThat(taskLines(err.toString())).isEqualTo("err 1\nerr 2\nerr 3\nerr 4\nerr 5\nerr after the gate\n");
        assertThat(again.database().tasks().find("chatty").orElseThrow().status()).isEqualTo(TaskState.SUCCEEDED);

        WeftRun stored = WeftRun.of("task", "logs", "chatty", "--stream", "stdout", "--server", base, "--token", VIEWER);
        assertThat(stored.exitCode()).isZero();
        assertThat(stored.out()).as("stored once: no byte twice after the restarts")
            .isEqualTo("out 1\nout 2\nout 3\nout 4\nout 5\nout after the gate\n");
        assertThat(stored.err()).isEmpty();
        WeftRun errors = WeftRun.of("task", "logs", "chatty", "--stream", "stderr", "--attempt", "0", "--server", base,
            "--token", VIEWER);
        assertThat(errors.out()).isEmpty();
        assertThat(errors.err()).isEqualTo("err 1\nerr 2\nerr 3\nerr 4\nerr 5\nerr after the gate\n");

        submit(again.database(), "sad", "echo 'about to fail'; exit 3");
        WeftRun sad = WeftRun.of("task", "logs", "sad", "--follow", "--server", base, "--token", VIEWER);
        assertThat(sad.exitCode()).as(sad.err()).isEqualTo(1);
        assertThat(sad.out()).isEqualTo("about to fail\n");
        assertThat(sad.err()).isEqualTo("weft: task sad attempt 0 ended FAILED (exit 3)\n");
        // 12 MiB of output: the newest 8 MiB are kept, the rest said to be dropped, the end always shown
        submit(again.database(), "loud", "head -c 12582912 /dev/zero | tr '\\0' x; echo; echo 'the end'");
        WeftRun loud = WeftRun.of("task", "logs", "loud", "--follow", "--stream", "stdout", "--server", base,
            "--token", VIEWER);
        assertThat(loud.exitCode()).as(loud.err()).isZero();
        assertThat(loud.out()).endsWith("x\nthe end\n");
        assertThat(loud.out().length()).as("about the newest 8 MiB").isBetween(8 << 20, (8 << 20) + (256 << 10));
        assertThat(loud.err()).startsWith("weft: stdout: ").contains("bytes before offset", "were not kept");
        long dropped = again.database().taskLogs().extent("loud", 0, TaskStream.STDOUT).dropped();
        assertThat(dropped).as("12 MiB + 9 bytes written, about 8 MiB kept").isBetween((4L << 20) - (256 << 10), (4L << 20) + 9);
        WeftRun unknown = WeftRun.of("task", "logs", "nope", "--server", base, "--token", VIEWER);
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("404", "no task nope");
      } finally {
        for (ChildProcess a : agents) {
          a.close();
        }
        again.close();
      }
    } finally {
      for (ChildProcess a : agents) {
        a.close();
      }
      server.close();
    }
  }

  /** The follower's stderr without its own "weft: ..." lines (e.g. while the server restarted). */
  private static String taskLines(String err) {
    return Arrays.stream(err.split("\n")).filter(l -> !l.startsWith("weft: ")).map(l -> l + "\n")
        .collect(Collectors.joining());
  }

  private static void submit(Database db, String id, String script) {
    TaskSpec spec = TaskSpec.builder(id).job(id).resources(Resources.of(100, 0)).run(TaskRun.shell(script)).build();
    new JobSubmission(db).submit(id, id, List.of(spec), Instant.now());
  }

  private WeftServer startServer(String url, int port) {
    Tokens tokens = Tokens.parse(VIEWER + " viewer v\n" + AGENT + " agent a\n", "tokens");
    return WeftServer.start(new ServerSettings(url, new ApiSettings("127.0.0.1", port, tokens, Bodies.DEFAULT_LIMIT), 2),
        SchedulingSettings.withNodeTimeout("logs-e2e", Duration.ofSeconds(30)), List.of());
  }
}
