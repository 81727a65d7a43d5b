package dev.weft.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.cli.UsageException;
import dev.weft.cli.WeftCommand;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code weft task get|explain|logs}. */
@Command(name = "task", mixinStandardHelpOptions = true, description = "Tasks on a weft server.",
    subcommands = {TaskCommand.Get.class, TaskCommand.Explain.class, TaskCommand.Logs.class})
public final class TaskCommand {
  static final String BASE = "/api/v1/tasks";

  @Command(name = "get", mixinStandardHelpOptions = true, description = "One task: state, node, queue, times.")
  static final class Get extends ClientCommand {
    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
      print(client().get(BASE + "/" + ApiClient.id(id)), n -> n, List.of(Output.Column.field("TASK", "id"),
          Output.Column.field("JOB", "jobId"), Output.Column.field("STATE", "state"), Output.Column.field("QUEUE", "queue"),
          Output.Column.field("NODE", "node"), Output.Column.field("ATTEMPT", "attempt"),
          Output.Column.field("SUBMITTED", "submittedAt")));
      return 0;
    }
  }

  @Command(name = "explain", mixinStandardHelpOptions = true, description = "Why a task is pending (the planner on the current cluster).")
  static final class Explain extends ClientCommand {
    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
      print(client().get(BASE + "/" + ApiClient.id(id) + "/explain"), n -> n, List.of(Output.Column.field("TASK", "taskId"),
          Output.Column.field("STATE", "state"), new Output.Column("WHY", n -> {
            StringBuilder b = new StringBuilder(n.path("summary").asText());
            n.path("nodeRejections").properties().forEach(e -> b.append("; ").append(e.getValue().asInt()).append(' ')
                .append(e.getKey()));
            n.path("waitingFor").forEach(w -> b.append("; ").append(w.asText()));
            return b.toString();
          })));
      return 0;
    }
  }

  @Command(name = "logs", mixinStandardHelpOptions = true,
      description = {"A task's output as its agent shipped it: stdout to stdout, stderr to stderr.",
          "--follow keeps printing until the attempt has ended and all of it is shown; then exits 0 if the task",
          "succeeded, 1 otherwise."})
  static final class Logs extends ClientCommand {
    @Parameters(paramLabel = "ID")
    String id;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new output until the attempt ends.")
    boolean follow;

    @Option(names = "--stream", paramLabel = "S", defaultValue = "both",
        description = "stdout, stderr or both (default ${DEFAULT-VALUE}).")
    String stream;

    @Option(names = "--attempt", paramLabel = "K", description = "Which attempt (default the current one).")
    Integer attempt;

    /** How long a follow keeps trying a server it cannot reach (a restart) before it gives up. */
    static final Duration RECONNECT = Duration.ofSeconds(60);
    /** How long the server holds a follow's request open when no new output arrives. */
    static final Duration FOLLOW_WAIT = Duration.ofSeconds(20);
    /**
     * A follow's request unanswered this long is given up and asked again (within {@link #RECONNECT}):
     * the server's wait plus a margin, so a server that died mid-request costs a retry, not the follow.
     */
    static final Duration FOLLOW_TIMEOUT = FOLLOW_WAIT.plusSeconds(10);

    @Override
    public Integer call() throws InterruptedException {
      if (!List.of("stdout", "stderr", "both").contains(stream)) {
        throw new UsageException("--stream: expected stdout, stderr or both, got '" + stream + "'");
      }
      if (attempt != null && attempt < 0) {
        throw new UsageException("--attempt: expected 0 or more, got " + attempt);
      }
      LogPrinter printer = new LogPrinter(out(), spec.commandLine().getErr());
      JsonNode page;
      do {
        page = read(printer);
        printer.print(page);
      } while (page.path("more").asBoolean() || follow && !page.path("complete").asBoolean());
      return follow ? ended(page) : WeftCommand.OK;
    }

    /** One answer; while following, a server that cannot be reached is tried again for up to {@link #RECONNECT}. */
    private JsonNode read(LogPrinter printer) throws InterruptedException {
      String path = BASE + "/" + ApiClient.id(id) + "/logs?" + ApiClient.query("stream", stream) + "&"
          + ApiClient.query("offset", printer.offset(stream)) + (attempt == null ? "" : "&attempt=" + attempt)
          + (follow ? "&follow=true&waitMillis=" + FOLLOW_WAIT.toMillis() : "");
      long deadline = 0;
      while (true) {
        try {
          return follow ? client().get(path, FOLLOW_TIMEOUT) : client().get(path);
        } catch (ServerUnreachableException e) {
          if (deadline == 0) {
            deadline = System.nanoTime() + RECONNECT.toNanos(); // from the first failure, not the request's start
          }
          if (!follow || System.nanoTime() > deadline) {
            throw e;
          }
          Thread.sleep(1000);
        }
      }
    }

    /** 0 when the attempt succeeded; else 1, with a line saying how it ended. */
    private int ended(JsonNode page) {
      String state = page.path("state").asText();
      if (state.equals("SUCCEEDED")) {
        return WeftCommand.OK;
      }
      PrintWriter err = spec.commandLine().getErr();
      err.println("weft: task " + id + " attempt " + page.path("attempt").asInt() + " ended " + state
          + (page.has("exitCode") ? " (exit " + page.path("exitCode").asInt() + ")" : ""));
      err.flush();
      return WeftCommand.WORK_FAILED;
    }
  }
}
