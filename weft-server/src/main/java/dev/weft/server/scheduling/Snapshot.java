package dev.weft.server.scheduling;

import dev.weft.scheduler.api.ClusterView;
import dev.weft.scheduler.api.PendingTask;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What one round read from the store: the planner's input, and the versions it was read at, which
 * the apply checks (a task or node written since makes the plan stale).
 *
 * @param suspended the suspended tasks on nodes that are up, in the order they resume (highest
 *     priority first; in the view without their CPU)
 * @param suspendable the running tasks a preemption may suspend rather than kill: a process the
 *     agent runs (not a builtin run inside it)
 * @param followed the tasks as this round read them, by id (what a placement hands to a waiting
 *     poll); valid for the round that read them, as the rest
 */
record Snapshot(ClusterView view, List<PendingTask> pending, Map<String, Long> taskVersions,
                Map<String, Long> nodeVersions, List<FollowedTasks.Task> suspended, Set<String> suspendable,
                Function<String, FollowedTasks.Task> followed) {
  /**
   * Takes the collections as they are, read-only: the reader builds them for this snapshot alone
   * (tens of thousands of entries a round, which copying cost).
   */
  Snapshot {
    pending = Collections.unmodifiableList(pending);
    taskVersions = Collections.unmodifiableMap(taskVersions);
    nodeVersions = Collections.unmodifiableMap(nodeVersions);
    suspended = List.copyOf(suspended);
    suspendable = Collections.unmodifiableSet(suspendable);
  }
}
