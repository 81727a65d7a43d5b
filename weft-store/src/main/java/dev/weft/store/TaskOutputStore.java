package dev.weft.store;

import java.util.Optional;

/** What tasks printed, per attempt, as their agents reported it at the end. Calls join the caller's transaction. */
public interface TaskOutputStore {
  /** Keeps the output of the attempt; the first report wins (a repeated report changes nothing). */
  void save(TaskOutput output);

  Optional<TaskOutput> find(String taskId, int attempt);
}
