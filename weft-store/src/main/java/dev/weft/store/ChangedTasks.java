package dev.weft.store;

import java.util.List;

/** What one {@link TaskStore#changedSince} read: the tasks, lowest change number first, and where the next read starts. */
public record ChangedTasks(List<ChangedTask> tasks, ChangeCursor next) {
  public ChangedTasks {
    tasks = List.copyOf(tasks);
  }
}
