package dev.weft.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.cli.UsageException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code weft apply -f FILE}: each document of the file goes where its kind says. A workflow
 * (a DSL document: it has {@code document:}) is stored; {@code kind: queues} replaces the queue
 * tree; {@code kind: job} submits a job; {@code kind: service} registers a service (a new
 * version of its name). Every document is checked for a kind first, so a file
 * with an unknown one changes nothing.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
    description = "Apply a file of workflows (DSL documents), 'kind: queues' trees, 'kind: job' jobs and 'kind: service' services; multi-document YAML.")
public final class ApplyCommand extends ClientCommand {
  @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE", description = "a YAML or JSON file")
  Path file;

  enum Kind { WORKFLOW, QUEUES, JOB, SERVICE }

  @Override
  public Integer call() {
    String source = file.toString();
    String text = read(file, "-f");
    List<Documents.Doc> docs = Documents.read(text, source);
    List<String> texts = Documents.texts(text, docs.size());
    List<Kind> kinds = new ArrayList<>();
    for (Documents.Doc d : docs) {
      kinds.add(kind(d, source));
    }
    ApiClient client = client();
    List<JsonNode> rows = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      Documents.Doc d = docs.get(i);
      ObjectNode row = ApiClient.JSON.createObjectNode().put("line", d.line()).put("kind", kinds.get(i).name().toLowerCase());
      try {
        switch (kinds.get(i)) {
          case WORKFLOW -> {
            JsonNode r = client.post("/api/v1/workflows", "application/yaml",
                texts != null ? texts.get(i) : Output.yaml(d.tree()));
            row.put("name", r.path("name").asText()).put("result", "stored as version " + r.path("version").asText());
          }
          case QUEUES -> {
            JsonNode r = client.put("/api/v1/queues", "application/json", without(d.tree(), "kind").toString());
            row.put("name", d.tree().path("name").asText("root")).put("result", "applied as version " + r.path("version").asText());
          }
          case SERVICE -> {
            JsonNode r = client.post("/api/v1/services", "application/yaml",
                texts != null ? texts.get(i) : Output.yaml(d.tree()));
            row.put("name", r.path("name").asText()).put("result", "stored as version " + r.path("version").asText());
          }
          case JOB -> {
            JsonNode r = client.post("/api/v1/jobs", "application/json", without(d.tree(), "kind").toString());
            row.put("name", r.path("id").asText()).put("result", "submitted: " + taskCount(r) + " task(s), "
                + r.path("kind").asText().toLowerCase());
          }
        }
      } catch (ServerRefusedException e) {
        throw new ServerRefusedException(source + ":" + d.line() + ": " + e.getMessage()
            + (i > 0 ? " (the " + i + " document(s) before it were applied)" : ""));
      }
      rows.add(row);
    }
    print(ApiClient.JSON.valueToTree(rows), n -> n, List.of(Output.Column.field("LINE", "line"),
        Output.Column.field("KIND", "kind"), Output.Column.field("NAME", "name"), Output.Column.field("RESULT", "result")));
    return 0;
  }

  private static Kind kind(Documents.Doc d, String source) {
    JsonNode t = d.tree();
    if (!t.isObject()) {
      throw new UsageException(source + ":" + d.line() + ": a document must be a mapping, not " + t.getNodeType().name().toLowerCase());
    }
    if (t.has("document") && !t.has("kind")) {
      return Kind.WORKFLOW;
    }
    String kind = t.path("kind").asText("");
    return switch (kind) {
      case "queues" -> Kind.QUEUES;
      case "job" -> Kind.JOB;
      case "service" -> Kind.SERVICE;
      case "workflow" -> throw new UsageException(source + ":" + d.line()
          + ": a workflow is a DSL document (document: ..., do: ...) without 'kind'");
      default -> throw new UsageException(source + ":" + d.line() + ": "
          + (kind.isEmpty() ? "no 'kind' and no 'document:'" : "unknown kind '" + kind + "'")
          + "; expected a workflow (document: ...), kind: queues, kind: job or kind: service");
    };
  }

  private static JsonNode without(JsonNode tree, String field) {
    ObjectNode copy = ((ObjectNode) tree).deepCopy();
    copy.remove(field);
    return copy;
  }

  /** A one-task job's answer lists its task; an array's or DAG's gives {@code taskCount}. */
  private static int taskCount(JsonNode job) {
    return job.has("taskCount") ? job.path("taskCount").asInt() : job.path("tasks").size();
  }
}
