package dev.weft.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which task each workflow command became, and whether its outcome reached the instance. The
 * command id is the key, so a command carried out twice (after a crash) links one task, and an
 * outcome is delivered once however often delivery is tried. Calls join the caller's transaction.
 */
public interface CommandTaskStore {
  /** Links the command to its task; false (and nothing written) when the command is linked already. */
  boolean link(CommandTask link);

  Optional<CommandTask> find(String commandId);

  /** The link whose command became task {@code taskId}, if any (a task submitted by a user has none). */
  Optional<CommandTask> ofTask(String taskId);

  /**
   * Undelivered links whose task has ended (succeeded, failed or cancelled), oldest first, at
   * most {@code limit}.
   */
  List<CommandTask> ended(int limit);

  /**
   * Points an undelivered link from its ended task to the task that tries the command again;
   * false (nothing written) when the link is delivered or already points elsewhere, so of servers
   * racing to retry one failure only one does.
   */
  boolean relink(String commandId, String fromTaskId, String toTaskId);

  /** Marks the outcome delivered; false when it already was (the caller then writes nothing). */
  boolean markDelivered(String commandId, Instant now);

  /** The undelivered links of one instance (its tasks still on their way). */
  List<CommandTask> open(String instanceId);

  /** Whether some command became task {@code taskId} (a task a workflow waits for). */
  boolean isLinked(String taskId);

  /** Every link of one instance, delivered or not, in submission order. */
  List<CommandTask> ofInstance(String instanceId);
}
