package dev.weft.server.scheduling;

import dev.weft.model.TaskSpec;
import dev.weft.model.lifecycle.TaskState;
import dev.weft.store.ChangedTask;
import dev.weft.store.TaskRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tasks a leading scheduler follows between rounds: the pending ones, oldest submission first,
 * and those holding resources (placed or running), each with its parsed spec and the version last
 * read. Pure: {@link SnapshotReader} starts it from a full read and feeds it the changes since
 * ({@code TaskStore.changedSince}); it never reads the store itself.
 *
 * <p>A change is news when its task is not followed or is followed at a lower version; anything
 * else (a change read again, or one older than what a fetch returned) is
 * ignored, so reading a change twice is harmless and a write that committed after a later one is
 * still taken when it shows up. When the full read stopped at its limit of
 * pending tasks, pending tasks submitted after the last one read are left to a later full read, so
 * newer work never overtakes older work the scheduler has not seen.
 */
final class FollowedTasks {
  /** One followed task as last read. */
  record Task(String id, String jobId, String name, TaskState status, int attempt, String nodeId, long version,
              Instant submittedAt, Instant placedAt, Instant startedAt, TaskSpec spec) {
    static Task of(TaskRecord r, TaskSpec spec) {
      return new Task(r.id(), r.jobId(), r.name(), r.status(), r.attempt(), r.nodeId(), r.version(), r.submittedAt(),
          r.placedAt(), r.startedAt(), spec);
    }

    static Task of(ChangedTask c, TaskSpec spec) {
      return new Task(c.id(), c.jobId(), c.name(), c.status(), c.attempt(), c.nodeId(), c.version(), c.submittedAt(),
          c.placedAt(), c.startedAt(), spec);
    }

    Task with(ChangedTask c) {
      return new Task(id, jobId, name, c.status(), c.attempt(), c.nodeId(), c.version(), submittedAt, c.placedAt(),
          c.startedAt(), spec);
    }

    boolean holdsResources() {
      return status.holdsResources();
    }
  }

  /** The order of a full read of pending tasks: submission time, then id. */
  static final Comparator<Task> OLDEST_FIRST = (a, b) -> {
    int c = a.submittedAt().compareTo(b.submittedAt());
    return c != 0 ? c : a.id().compareTo(b.id());
  };

  private final Map<String, Task> byId = new HashMap<>();
  private final NavigableSet<Task> pending = new TreeSet<>(OLDEST_FIRST);
  /** The last pending task of a full read that stopped at its limit; null when that read saw them all. */
  private final Task cutoff;

  /**
   * @param pendingRead the pending tasks of the full read, oldest first
   * @param truncated whether that read stopped at its limit (more pending tasks are stored)
   * @param holding the placed and running tasks
   */
  FollowedTasks(List<Task> pendingRead, boolean truncated, List<Task> holding) {
    this.cutoff = truncated && !pendingRead.isEmpty() ? pendingRead.getLast() : null;
    pendingRead.forEach(this::follow);
    holding.forEach(this::follow);
  }

  /** Whether the full read left pending tasks unread (they join at a later full read). */
  boolean truncated() {
    return cutoff != null;
  }

  int pendingCount() {
    return pending.size();
  }

  /** The ids of changes that are news about tasks not followed now and worth following: their records must be fetched. */
  Set<String> toFetch(List<ChangedTask> changes) {
    Set<String> ids = new LinkedHashSet<>();
    for (ChangedTask c : changes) {
      if (!byId.containsKey(c.id()) && worthFollowing(c.status(), c.submittedAt(), c.id())) {
        ids.add(c.id());
      }
    }
    return ids;
  }

  /**
   * Takes the changes that are news; a task not followed comes from {@code fetched} (its record as
   * read after the change, so at least as new), or is left out when it is not there.
   */
  void apply(List<ChangedTask> changes, Map<String, Task> fetched) {
    for (ChangedTask c : changes) {
      Task now = byId.get(c.id());
      if (now != null) {
        if (c.version() > now.version()) {
          follow(now.with(c));
        }
      } else {
        Task f = fetched.get(c.id());
        if (f != null && f.version() >= c.version()) {
          follow(f);
        }
      }
    }
  }

  /** The oldest {@code limit} pending tasks, oldest first. */
  List<Task> pending(int limit) {
    List<Task> out = new ArrayList<>(Math.min(limit, pending.size()));
    for (Task t : pending) {
      if (out.size() == limit) {
        break;
      }
      out.add(t);
    }
    return out;
  }

  /** The task followed under {@code id}, as last read; null when it is not followed. */
  Task find(String id) {
    return byId.get(id);
  }

  /** The placed, running and suspended tasks. */
  List<Task> holding() {
    List<Task> out = new ArrayList<>();
    for (Task t : byId.values()) {
      if (t.holdsResources()) {
        out.add(t);
      }
    }
    return out;
  }

  private void follow(Task t) {
    Task before = byId.remove(t.id());
    if (before != null && before.status() == TaskState.PENDING) {
      pending.remove(before);
    }
    if (!worthFollowing(t.status(), t.submittedAt(), t.id())) {
      return;
    }
    byId.put(t.id(), t);
    if (t.status() == TaskState.PENDING) {
      pending.add(t);
    }
  }

  /** Pending (but not past the cutoff), placed, running or suspended; finished tasks are forgotten. */
  private boolean worthFollowing(TaskState status, Instant submittedAt, String id) {
    return switch (status) {
      case PLACED, RUNNING, SUSPENDED -> true;
      case PENDING -> cutoff == null || submittedAt.isBefore(cutoff.submittedAt())
          || submittedAt.equals(cutoff.submittedAt()) && id.compareTo(cutoff.id()) <= 0;
      default -> false;
    };
  }
}
