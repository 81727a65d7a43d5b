package dev.weft.store;

import java.util.List;

/** A job as submitted: its id (the idempotency key), name, kind and tasks. */
public record NewJob(String id, String name, JobKind kind, List<NewTask> tasks) {
  public NewJob {
    tasks = List.copyOf(tasks);
    if (tasks.isEmpty()) {
      throw new IllegalArgumentException("job " + id + " has no tasks");
    }
  }
}
