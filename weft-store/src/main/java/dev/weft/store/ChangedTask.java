package dev.weft.store;

import dev.weft.model.lifecycle.TaskState;
import java.time.Instant;

/**
 * A task as its last version-bumping write left it, without its spec (fixed when the task is
 * submitted): what a scheduler following the tasks between rounds needs to know of a change.
 * {@code changeSeq} orders writes as their statements ran (see {@link TaskStore#changedSince}).
 */
public record ChangedTask(String id, String jobId, String name, TaskState status, int attempt, String nodeId,
                          long version, Instant submittedAt, Instant placedAt, Instant startedAt, long changeSeq) {}
