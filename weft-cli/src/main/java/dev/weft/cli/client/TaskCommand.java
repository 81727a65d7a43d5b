package dev.weft.cli.client;

import java.util.List;
import picocli.CommandLine.Command;
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

  @Command(name = "logs", mixinStandardHelpOptions = true, description = "A task's log (the server does not hold logs yet).")
  static final class Logs extends ClientCommand {
    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
      out().print(Output.text(client().get(BASE + "/" + ApiClient.id(id) + "/logs")));
      out().flush();
      return 0;
    }
  }
}
