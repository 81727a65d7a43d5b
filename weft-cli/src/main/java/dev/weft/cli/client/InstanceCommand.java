package dev.weft.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.cli.UsageException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code weft instance start|get|list|cancel|suspend|resume|retry|history|signal}. */
@Command(name = "instance", mixinStandardHelpOptions = true, description = "Workflow instances on a weft server.",
    subcommands = {InstanceCommand.Start.class, InstanceCommand.Get.class, InstanceCommand.ListAll.class,
        InstanceCommand.Cancel.class, InstanceCommand.Suspend.class, InstanceCommand.Resume.class,
        InstanceCommand.Retry.class, InstanceCommand.History.class, InstanceCommand.Signal.class})
public final class InstanceCommand {
  static final String BASE = "/api/v1/instances";
  static final List<Output.Column> COLUMNS = List.of(Output.Column.field("ID", "id"),
      Output.Column.field("WORKFLOW", "definition"), Output.Column.field("VERSION", "version"),
      Output.Column.field("STATUS", "status"), Output.Column.field("CREATED", "createdAt"));
  static final List<Output.Column> ONE = List.of(Output.Column.field("ID", "id"),
      Output.Column.field("WORKFLOW", "definition"), Output.Column.field("STATUS", "status"),
      new Output.Column("OUTPUT / ERROR", n -> n.has("error") ? Output.text(n.path("error").path("title"))
          + ": " + Output.text(n.path("error").path("detail")) : Output.text(n.path("output"))));

  @Command(name = "start", mixinStandardHelpOptions = true, description = "Start an instance of a stored workflow.")
  static final class Start extends ClientCommand {
    @Parameters(paramLabel = "WORKFLOW", description = "namespace/name of a stored workflow")
    String definition;

    @Option(names = "--version", paramLabel = "N", description = "the store's version (default: the latest)")
    Integer version;

    @Option(names = "--input", paramLabel = "JSON|@FILE", description = "the input (JSON text, or @file of JSON or YAML)")
    String input;

    @Option(names = "--key", paramLabel = "KEY", description = "Idempotency-Key: the same key again gives the same instance")
    String key;

    @Override
    public Integer call() {
      ObjectNode body = ApiClient.JSON.createObjectNode().put("definition", definition);
      if (version != null) {
        body.put("version", version);
      }
      if (input != null) {
        body.set("input", input(input));
      }
      JsonNode r = key == null ? client().post(BASE, "application/json", body.toString())
          : client().postWithKey(BASE, body.toString(), key);
      print(r, n -> n, COLUMNS);
      return 0;
    }

    static JsonNode input(String text) {
      String json = text.startsWith("@") ? read(Path.of(text.substring(1)), "--input") : text;
      try {
        return Documents.YAML.readTree(json);
      } catch (JsonProcessingException e) {
        throw new UsageException("--input: not JSON or YAML: " + e.getOriginalMessage());
      }
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "One instance: status, and output or error.")
  static final class Get extends ClientCommand {
    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
      print(client().get(BASE + "/" + ApiClient.id(id)), n -> n, ONE);
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List instances, oldest first.")
  static final class ListAll extends ClientCommand {
    @Option(names = "--status", description = "PENDING, RUNNING, SUSPENDED, COMPLETED, FAILED or CANCELLED")
    String status;

    @Option(names = "--workflow", paramLabel = "NAMESPACE/NAME", description = "only instances of this workflow")
    String definition;

    @Option(names = "--limit", paramLabel = "N", description = "at most N (default 100)")
    Integer limit;

    @Override
    public Integer call() {
      List<String> q = new ArrayList<>();
      if (status != null) {
        q.add(ApiClient.query("status", status));
      }
      if (definition != null) {
        q.add(ApiClient.query("definition", definition));
      }
      if (limit != null) {
        q.add(ApiClient.query("limit", limit.toString()));
      }
      print(client().get(BASE + (q.isEmpty() ? "" : "?" + String.join("&", q))), n -> n.path("items"), COLUMNS);
      return 0;
    }
  }

  /** An operation on one instance: POST .../{id}/{verb}, with an optional reason. */
  abstract static class Operation extends ClientCommand {
    @Parameters(paramLabel = "ID")
    String id;

    abstract String verb();

    String body() {
      return null;
    }

    @Override
    public Integer call() {
      print(client().post(BASE + "/" + ApiClient.id(id) + "/" + verb(), "application/json", body()), n -> n,
          List.of(Output.Column.field("ID", "id"), Output.Column.field("STATUS", "status")));
      return 0;
    }
  }

  abstract static class WithReason extends Operation {
    @Option(names = "--reason", description = "why (kept in the history)")
    String reason;

    @Override
    String body() {
      return reason == null ? null : ApiClient.JSON.createObjectNode().put("reason", reason).toString();
    }
  }

  @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a pending, running or suspended instance.")
  static final class Cancel extends WithReason {
    @Override
    String verb() {
      return "cancel";
    }
  }

  @Command(name = "suspend", mixinStandardHelpOptions = true, description = "Suspend a running instance.")
  static final class Suspend extends WithReason {
    @Override
    String verb() {
      return "suspend";
    }
  }

  @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume a suspended instance.")
  static final class Resume extends Operation {
    @Override
    String verb() {
      return "resume";
    }
  }

  @Command(name = "retry", mixinStandardHelpOptions = true, description = "Run a failed instance again from the failed step.")
  static final class Retry extends Operation {
    @Override
    String verb() {
      return "retry";
    }
  }

  @Command(name = "history", mixinStandardHelpOptions = true, description = "The instance's journal, in order.")
  static final class History extends ClientCommand {
    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
      print(client().get(BASE + "/" + ApiClient.id(id) + "/history"), n -> n.path("events"), List.of(
          Output.Column.field("SEQ", "seq"), Output.Column.field("TYPE", "type"), Output.Column.field("AT", "recordedAt")));
      return 0;
    }
  }

  @Command(name = "signal", mixinStandardHelpOptions = true, description = "Deliver a CloudEvent to one instance.")
  static final class Signal extends ClientCommand {
    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Parameters(index = "1", paramLabel = "EVENT", description = "the CloudEvent (JSON text, or @file of JSON or YAML)")
    String event;

    @Override
    public Integer call() {
      JsonNode e = Start.input(event);
      print(client().post(BASE + "/" + ApiClient.id(id) + "/signal", "application/json", e.toString()), n -> n,
          List.of(Output.Column.field("ID", "id"), Output.Column.field("CONSUMED", "consumed")));
      return 0;
    }
  }
}
