package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.server.services.ServiceDefinition;
import dev.weft.store.CommandTask;
import dev.weft.store.Database;
import dev.weft.store.TaskOutput;
import dev.weft.store.TaskRecord;
import dev.weft.model.lifecycle.TaskState;
import dev.weft.workflow.decide.Errors;
import dev.weft.workflow.decide.Event;

/**
 * What an ended task means to the command it carried out: a succeeded task's stdout is the
 * result (see {@link TaskResults}; a service's output is checked against its contract); a failed
 * one is a runtime error naming the exit code and the agent's verdict with the stderr tail; a
 * cancelled one is a runtime error naming why. The stored tails have the task's secrets masked
 * ({@link WorkflowTaskSecrets}); they are revealed here, as the step printed them.
 */
final class TaskOutcomes {
  private final Database db;
  private final ServiceCalls calls;
  private final WorkflowTaskSecrets secrets;
  private final Definitions definitions;

  TaskOutcomes(Database db, ServiceCalls calls, WorkflowTaskSecrets secrets) {
    this(db, calls, secrets, new Definitions(db.definitions()));
  }

  /** {@code definitions} tells a shell or script step's {@code run.return}. */
  TaskOutcomes(Database db, ServiceCalls calls, WorkflowTaskSecrets secrets, Definitions definitions) {
    this.db = db;
    this.calls = calls;
    this.secrets = secrets;
    this.definitions = definitions;
  }

  /** The ended task the link points at, as stored. */
  TaskRecord task(CommandTask link) {
    return db.tasks().find(link.taskId()).orElseThrow(() -> new IllegalStateException("no task " + link.taskId()));
  }

  Event of(CommandTask link) {
    return of(link, task(link));
  }

  /** The outcome of {@code stored}, the task {@link #task} read for {@code link}. */
  Event of(CommandTask link, TaskRecord stored) {
    String step = step(link);
    TaskRecord t = secrets.maskOf(link).map(m -> withMessage(stored, m.reveal(stored.message()))).orElse(stored);
    TaskOutput out = revealed(link, db.taskOutputs().find(t.id(), t.attempt()).orElse(new TaskOutput(t.id(), t.attempt(), null, null)));
    String what = link.service() == null ? "Task " + t.id() : "Service " + link.service() + " (task " + t.id() + ")";
    String mode = link.service() == null ? returnMode(link, step) : null;
    if (link.service() == null && t.status() == TaskState.FAILED && TaskResults.takesExitCode(mode) && ranToItsEnd(t)) {
      return new Event.CommandCompleted(link.decisionId(), TaskResults.process(mode, t.exitCode(), out.stdout(), out.stderr()));
    }
    return switch (t.status()) {
      case SUCCEEDED -> link.service() == null
          ? new Event.CommandCompleted(link.decisionId(), TaskResults.process(mode, 0, out.stdout(), out.stderr()))
          : succeeded(link, out, step);
      case CANCELLED -> new Event.CommandFailed(link.decisionId(), Errors.of("runtime", 500, "Task cancelled",
          what + " was cancelled" + (t.message() == null ? "" : ": " + t.message()), step));
      default -> new Event.CommandFailed(link.decisionId(),
          TaskResults.failed(what, t.exitCode(), t.message(), out.stderr(), step));
    };
  }

  private Event succeeded(CommandTask link, TaskOutput out, String step) {
    if (link.service() == null) {
      return new Event.CommandCompleted(link.decisionId(), TaskResults.shellOutput(out.stdout()));
    }
    try {
      ServiceDefinition s = calls.byKey(link.service(), step);
      JsonNode result = calls.checkedOutput(s, TaskResults.serviceOutput(out.stdout()), step);
      return new Event.CommandCompleted(link.decisionId(), result);
    } catch (CommandFault f) {
      return new Event.CommandFailed(link.decisionId(), f.error());
    }
  }

  /** The {@code run.return} of the shell or script step {@code step} of the link's instance (null: stdout). */
  private String returnMode(CommandTask link, String step) {
    return db.instances().find(link.instanceId())
        .map(i -> definitions.decider(i.definitionName(), i.definitionVersion()).plan().document().at(step + "/run/return"))
        .filter(JsonNode::isTextual).map(JsonNode::asText).orElse(null);
  }

  /** A process that exited by itself with a code (the agent's verdict ends {@code exited N}), not timed out, killed or lost. */
  private static boolean ranToItsEnd(TaskRecord t) {
    return t.exitCode() != null && t.message() != null && t.message().endsWith("exited " + t.exitCode());
  }

  /** The tails as the task printed them (they are stored masked; the decision masks the result again at rest). */
  private TaskOutput revealed(CommandTask link, TaskOutput out) {
    return secrets.maskOf(link).map(m -> new TaskOutput(out.taskId(), out.attempt(), m.reveal(out.stdout()), m.reveal(out.stderr())))
        .orElse(out);
  }

  private static TaskRecord withMessage(TaskRecord t, String message) {
    return new TaskRecord(t.id(), t.jobId(), t.name(), t.spec(), t.queue(), t.priority(), t.status(), t.attempt(),
        t.nodeId(), t.version(), t.submittedAt(), t.placedAt(), t.sentAt(), t.startedAt(), t.finishedAt(), t.exitCode(),
        message);
  }

  /** The step pointer inside the command id (the instance id, the step's JSON pointer, {@code @} and the attempt). */
  private static String step(CommandTask link) {
    return step(link.decisionId(), link.instanceId());
  }

  /** The step pointer inside decider command id {@code id} of instance {@code instanceId}. */
  static String step(String id, String instanceId) {
    int from = id.indexOf('/', id.startsWith(instanceId) ? instanceId.length() : 0);
    int to = id.lastIndexOf('@');
    return from >= 0 && to > from ? id.substring(from, to) : "";
  }
}
