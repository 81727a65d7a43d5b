package dev.weft.server.logs;

import dev.weft.model.lifecycle.TaskState;
import dev.weft.store.LogExtent;
import dev.weft.store.TaskRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * When one attempt of a task is over, and when the server holds all of its output. An agent ships
 * the rest of a run's output before it reports the run's end, so an attempt the agent reported
 * (succeeded or failed) is complete at once. An attempt the server ended on its own (cancelled,
 * preempted, lost) may still get its last bytes from the agent: it is complete once every stream
 * that has output got its last piece, or {@link #GRACE} after it ended (the agent may be gone).
 *
 * <table>
 *   <caption>complete?</caption>
 *   <tr><th>attempt</th><th>task state</th><th>complete</th></tr>
 *   <tr><td>older than the task's</td><td>any</td><td>yes (a later attempt runs)</td></tr>
 *   <tr><td>current</td><td>PENDING, PLACED, RUNNING</td><td>no</td></tr>
 *   <tr><td>current</td><td>SUCCEEDED, FAILED</td><td>yes</td></tr>
 *   <tr><td>current</td><td>CANCELLED, PREEMPTED, LOST</td><td>when every stream with output ended, or GRACE after the end</td></tr>
 * </table>
 */
public final class LogCompleteness {
  public static final Duration GRACE = Duration.ofSeconds(10);

  private LogCompleteness() {}

  /** Whether the attempt has ended (no process of it runs any more, as far as the server knows). */
  public static boolean over(TaskRecord task, int attempt) {
    return attempt < task.attempt() || switch (task.status()) {
      case PENDING, PLACED, RUNNING, SUSPENDED -> false;
      case SUCCEEDED, FAILED, CANCELLED, PREEMPTED, LOST -> true;
    };
  }

  /** Whether the server holds all the output of the attempt it will ever get. */
  public static boolean complete(TaskRecord task, int attempt, Collection<LogExtent> streams, Instant now) {
    if (!over(task, attempt)) {
      return false;
    }
    if (attempt < task.attempt() || task.status() == TaskState.SUCCEEDED || task.status() == TaskState.FAILED) {
      return true;
    }
    boolean allEnded = !streams.isEmpty() && streams.stream().allMatch(e -> e.ended() || e.equals(LogExtent.NONE));
    return allEnded && streams.stream().anyMatch(LogExtent::ended)
        || task.finishedAt() == null || !now.isBefore(task.finishedAt().plus(GRACE));
  }
}
