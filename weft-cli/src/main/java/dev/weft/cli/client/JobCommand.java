package dev.weft.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.cli.UsageException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code weft job submit|get|list|cancel}. */
@Command(name = "job", mixinStandardHelpOptions = true, description = "Jobs of tasks on a weft server.",
    subcommands = {JobCommand.Submit.class, JobCommand.Get.class, JobCommand.ListAll.class, JobCommand.Cancel.class})
public final class JobCommand {
  static final String BASE = "/api/v1/jobs";
  static final List<Output.Column> JOBS = List.of(Output.Column.field("ID", "id"), Output.Column.field("NAME", "name"),
      Output.Column.field("KIND", "kind"), Output.Column.field("SUBMITTED", "submittedAt"),
      Output.Column.field("NOT BEFORE", "notBefore"));
  static final List<Output.Column> TASKS = List.of(Output.Column.field("TASK", "id"), Output.Column.field("STATE", "state"),
      Output.Column.field("NODE", "node"), Output.Column.field("ATTEMPT", "attempt"), Output.Column.field("EXIT", "exitCode"));

  @Command(name = "submit", mixinStandardHelpOptions = true,
      description = "Submit a job file: {id, name, task, count} (one task or an array) or {id, name, tasks: [...]} (a list or a DAG).")
  static final class Submit extends ClientCommand {
    @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE", description = "the job, YAML or JSON")
    Path file;

    @Option(names = "--delay", paramLabel = "DURATION",
        description = "hold the job back this long (30s, 5m, 2h, PT1H); overrides the file's delay and notBefore")
    String delay;

    @Option(names = "--not-before", paramLabel = "INSTANT",
        description = "hold the job back until this ISO-8601 instant; overrides the file's delay and notBefore")
    String notBefore;

    @Override
    public Integer call() {
      if (delay != null && notBefore != null) {
        throw new UsageException("give --delay or --not-before, not both");
      }
      List<Documents.Doc> docs = Documents.read(read(file, "-f"), file.toString());
      if (docs.size() != 1 || !docs.get(0).tree().isObject()) {
        throw new UsageException(file + ": a job file holds one mapping (use 'weft apply' for several documents)");
      }
      ObjectNode job = ((ObjectNode) docs.get(0).tree()).deepCopy();
      if (job.has("kind") && !job.path("kind").asText().equals("job")) {
        throw new UsageException(file + ": kind is '" + job.path("kind").asText() + "', not job");
      }
      job.remove("kind");
      if (delay != null || notBefore != null) {
        job.remove(List.of("delay", "notBefore"));
        if (delay != null) {
          job.put("delay", delay);
        } else {
          job.put("notBefore", notBefore);
        }
      }
      JsonNode r = client().post(BASE, "application/json", job.toString());
      // an array's or DAG's answer has counts, not its tasks: read them, so the table lists each task
      print(r.has("tasks") ? r : client().get(BASE + "/" + ApiClient.id(r.path("id").asText())), n -> n.path("tasks"), TASKS);
      return 0;
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "One job with its tasks' states.")
  static final class Get extends ClientCommand {
    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
      print(client().get(BASE + "/" + ApiClient.id(id)), n -> n.path("tasks"), TASKS);
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Jobs, newest first.")
  static final class ListAll extends ClientCommand {
    @Option(names = "--limit", paramLabel = "N", description = "at most N (default 100)")
    Integer limit;

    @Override
    public Integer call() {
      print(client().get(BASE + (limit == null ? "" : "?" + ApiClient.query("limit", limit.toString()))),
          n -> n.path("items"), JOBS);
      return 0;
    }
  }

  @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel every unfinished task of a job.")
  static final class Cancel extends ClientCommand {
    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
      print(client().post(BASE + "/" + ApiClient.id(id) + "/cancel", "application/json", null), n -> n.path("tasks"), TASKS);
      return 0;
    }
  }
}
