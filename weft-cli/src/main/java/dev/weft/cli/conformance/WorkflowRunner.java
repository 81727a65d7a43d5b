package dev.weft.cli.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.server.runtime.RunResult;
import dev.weft.server.runtime.WorkflowRuntime;
import dev.weft.workflow.read.WorkflowValidationException;
import java.util.List;
import java.util.function.Supplier;

/** What the CTK steps execute workflows with: the real runtime, one new instance per execution. */
public final class WorkflowRunner {
  private final WorkflowRuntime runtime;
  private final Supplier<String> keys;

  public WorkflowRunner(WorkflowRuntime runtime, Supplier<String> keys) {
    this.runtime = runtime;
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
    RunResult r = runtime.run(document, input, keys.get());
    List<String> names = runtime.tasksStarted(r.instanceId()).stream()
        .map(p -> p.substring(p.lastIndexOf('/') + 1)).toList();
    return new Execution(r, names);
  }
}
