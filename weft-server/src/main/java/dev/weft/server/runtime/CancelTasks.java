package dev.weft.server.runtime;

import dev.weft.model.lifecycle.TaskEvent;
import dev.weft.model.lifecycle.TaskLifecycle;
import dev.weft.store.CommandTask;
import dev.weft.store.Database;
import dev.weft.store.TaskChange;
import dev.weft.store.TaskRecord;
import java.time.Instant;
import java.util.Optional;

/**
 * Cancels the tasks an instance's commands became and that have not ended: pending ones never
 * start, placed or running ones are stopped by their agent, which hears of it when its waiting poll
 * is woken ({@code cancelled}, run once the caller's transaction has committed) or, failing that,
 * at the poll's next look at the store. Joins the caller's transaction.
 */
final class CancelTasks {
  private final Database db;
  private final Runnable cancelled;

  /** @param cancelled runs after the commit of a transaction that cancelled any task (a server rings its agents' polls) */
  CancelTasks(Database db, Runnable cancelled) {
    this.db = db;
    this.cancelled = cancelled;
  }

  /** Returns how many tasks were cancelled. */
  int of(String instanceId, String reason, Instant now) {
    int cancelled = 0;
    for (CommandTask link : db.commandTasks().open(instanceId)) {
      Optional<TaskRecord> t = db.tasks().find(link.taskId());
      if (t.isPresent() && TaskLifecycle.next(t.get().status(), TaskEvent.CANCEL).isPresent()) {
        db.tasks().apply(TaskChange.of(t.get().id(), t.get().version(), TaskEvent.CANCEL, reason), now);
        cancelled++;
      }
    }
    if (cancelled > 0) {
      db.transactor().afterCommit(this.cancelled);
    }
    return cancelled;
  }
}
