package dev.weft.cli.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.server.runtime.RunResult;
import dev.weft.server.runtime.WorkflowRuntime;
import dev.weft.store.Database;
import dev.weft.workflow.read.WorkflowValidationException;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the CTK steps execute workflows with: the real runtime on a database of its own per
 * execution (scenarios are independent, and several reuse a name and version for different
 * documents, which one store would rightly refuse).
 */
public final class WorkflowRunner {
  private final Supplier<Database> databases;
  private final Function<Database, WorkflowRuntime> runtimes;
  private final Supplier<String> keys;

  public WorkflowRunner(Supplier<Database> databases, Function<Database, WorkflowRuntime> runtimes, Supplier<String> keys) {
    this.databases = databases;
    this.runtimes = runtimes;
    this.keys = keys;
  }

  /** One execution: how the instance ended and the names of the tasks it started, in order. */
  public record Execution(RunResult result, List<String> tasksStarted) {}

  /**
   * Runs the document with the input to its end.
   *
   * @throws WorkflowValidationException when the document is not valid
   */
  public Execution execute(String document, JsonNode input) {
    try (Database db = databases.get()) {
      WorkflowRuntime runtime = runtimes.apply(db);
      RunResult r = runtime.run(document, input, keys.get());
      List<String> names = runtime.tasksStarted(r.instanceId()).stream()
          .map(p -> p.substring(p.lastIndexOf('/') + 1)).toList();
      return new Execution(r, names);
    }
  }
}
