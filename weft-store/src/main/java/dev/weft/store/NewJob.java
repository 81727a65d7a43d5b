package dev.weft.store;

import java.time.Instant;
import java.util.List;

/**
 * A job as submitted: its id (the idempotency key), name, kind and tasks.
 *
 * @param notBefore when its tasks may run at the earliest; null: at once. The store queues them then
 *     (their {@code submittedAt}), so the scheduler passes them over until that time.
 */
public record NewJob(String id, String name, JobKind kind, List<NewTask> tasks, Instant notBefore) {
  public NewJob {
    tasks = List.copyOf(tasks);
    if (tasks.isEmpty()) {
      throw new IllegalArgumentException("job " + id + " has no tasks");
    }
  }

  /** A job that may run at once. */
  public NewJob(String id, String name, JobKind kind, List<NewTask> tasks) {
    this(id, name, kind, tasks, null);
  }

  /** When its tasks join their queues if submitted at {@code now}: now, or the not-before time if later. */
  public Instant queuedAt(Instant now) {
    return queuedAt(now, notBefore);
  }

  /** When the tasks of a job held back until {@code notBefore} (null: not held back) join their queues if submitted at {@code now}. */
  public static Instant queuedAt(Instant now, Instant notBefore) {
    return notBefore != null && notBefore.isAfter(now) ? notBefore : now;
  }
}
