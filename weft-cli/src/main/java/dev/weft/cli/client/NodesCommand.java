package dev.weft.cli.client;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code weft nodes}: the nodes; {@code weft nodes drain|cordon|uncordon ID}. */
@Command(name = "nodes", mixinStandardHelpOptions = true, description = "List the nodes, or drain, cordon, uncordon one.",
    subcommands = {NodesCommand.Drain.class, NodesCommand.Cordon.class, NodesCommand.Uncordon.class})
public final class NodesCommand extends ClientCommand {
  static final String BASE = "/api/v1/nodes";
  static final List<Output.Column> COLUMNS = List.of(Output.Column.field("NODE", "id"), Output.Column.field("STATE", "state"),
      Output.Column.field("TOPOLOGY", "topology"), Output.Column.field("TASKS", "tasks"),
      Output.Column.field("CAPACITY", "capacity"), Output.Column.field("HEARTBEAT", "lastHeartbeat"));

  @Override
  public Integer call() {
    print(client().get(BASE), n -> n.path("items"), COLUMNS);
    return 0;
  }

  abstract static class Change extends ClientCommand {
    @Parameters(paramLabel = "ID")
    String id;

    abstract String verb();

    @Override
    public Integer call() {
      print(client().post(BASE + "/" + ApiClient.id(id) + "/" + verb(), "application/json", null), n -> n, COLUMNS);
      return 0;
    }
  }

  @Command(name = "drain", mixinStandardHelpOptions = true, description = "No new tasks; the ones it holds finish.")
  static final class Drain extends Change {
    @Override
    String verb() {
      return "drain";
    }
  }

  @Command(name = "cordon", mixinStandardHelpOptions = true, description = "No new tasks.")
  static final class Cordon extends Change {
    @Override
    String verb() {
      return "cordon";
    }
  }

  @Command(name = "uncordon", mixinStandardHelpOptions = true, description = "Back in service.")
  static final class Uncordon extends Change {
    @Override
    String verb() {
      return "uncordon";
    }
  }
}
