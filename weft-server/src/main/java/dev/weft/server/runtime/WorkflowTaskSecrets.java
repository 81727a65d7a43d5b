package dev.weft.server.runtime;

import dev.weft.model.TaskRun;
import dev.weft.server.scheduling.TaskSecrets;
import dev.weft.server.secrets.SecretMask;
import dev.weft.server.secrets.SecretSource;
import dev.weft.store.CommandTask;
import dev.weft.store.Database;
import dev.weft.store.Instance;
import java.util.Optional;
import java.util.Set;

/**
 * {@link TaskSecrets} for the tasks the workflow runtime makes from steps (those linked to an
 * outbox entry): the mask is that of the instance's definition (the secrets its document declares,
 * as this server's source has them now), the same scheme as the outbox. Tasks without a link are
 * users' own and pass unchanged; so no user can have a token of theirs revealed.
 */
public final class WorkflowTaskSecrets implements TaskSecrets {
  private final Database db;
  private final Definitions definitions;
  private final SecretSource source;

  public WorkflowTaskSecrets(Database db, SecretSource source) {
    this.db = db;
    this.definitions = new Definitions(db.definitions());
    this.source = source;
  }

  @Override
  public TaskRun reveal(String taskId, TaskRun run) throws Unavailable {
    if (!TaskRunMask.marked(run)) {
      return run;
    }
    Optional<SecretMask> mask = maskOf(taskId);
    if (mask.isEmpty()) {
      return run;
    }
    Set<String> unknown = TaskRunMask.unknown(mask.get(), run);
    if (!unknown.isEmpty()) {
      throw new Unavailable("the workflow step's task needs the secret(s) " + String.join(", ", unknown)
          + ", which the server handing it out does not have; start every server with the same secrets (--secrets)");
    }
    return TaskRunMask.reveal(mask.get(), run);
  }

  @Override
  public String maskTail(String taskId, String tail) {
    return tail == null ? null : maskOf(taskId).map(m -> m.redact(tail)).orElse(tail);
  }

  @Override
  public byte[] hideInLog(String taskId, byte[] piece) {
    return maskOf(taskId).map(m -> m.hide(piece)).orElse(piece);
  }

  /**
   * The mask of the instance that made the task, empty for a task no workflow made. The id prefix
   * every workflow task has ({@link TaskCommands#taskId}) spares users' tasks the lookup; the link is the proof.
   */
  Optional<SecretMask> maskOf(String taskId) {
    if (!taskId.startsWith("wf-")) {
      return Optional.empty();
    }
    return db.commandTasks().ofTask(taskId).flatMap(this::maskOf);
  }

  Optional<SecretMask> maskOf(CommandTask link) {
    Optional<Instance> inst = db.instances().find(link.instanceId());
    return inst.map(i -> SecretsAtRest.of(source, definitions.decider(i.definitionName(), i.definitionVersion())).mask());
  }
}
