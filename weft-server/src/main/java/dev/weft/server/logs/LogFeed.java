package dev.weft.server.logs;

import dev.weft.store.Database;
import dev.weft.store.LogBytes;
import dev.weft.store.LogExtent;
import dev.weft.store.TaskRecord;
import dev.weft.store.TaskStream;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hands a task attempt's stored output to readers from their offsets. With {@code follow}, a read
 * that finds nothing new waits (up to the given time) until bytes arrive or the attempt's output is
 * complete, re-reading the store when this server's {@link LogBell} rings and at least every
 * {@link #RECHECK}.
 */
public final class LogFeed {
  /** The most bytes in one answer. */
  public static final int MAX_BYTES = 1 << 20;
  static final Duration RECHECK = Duration.ofMillis(500);

  /**
   * What to read.
   *
   * @param attempt the attempt; null for the task's current one
   * @param from per stream asked for, the offset to read from
   */
  public record Request(String taskId, Integer attempt, Map<TaskStream, Long> from, boolean follow, Duration maxWait) {}

  /**
   * One answer.
   *
   * @param next per stream, where to read from next
   * @param more bytes past {@code next} are stored already (read again at once)
   * @param over the attempt has ended
   * @param complete over, and everything the server will ever hold of it was handed out
   */
  public record Page(TaskRecord task, int attempt, List<LogBytes> chunks, Map<TaskStream, Long> next,
                     Map<TaskStream, Long> dropped, boolean more, boolean over, boolean complete) {}

  /** The attempt asked for is not one the task has had. */
  public static final class NoSuchAttemptException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoSuchAttemptException(String message) {
      super(message, null, false, false);
    }
  }

  private final Database db;
  private final LogBell bell;
  private final InstantSource clock;

  public LogFeed(Database db, LogBell bell, InstantSource clock) {
    this.db = db;
    this.bell = bell;
    this.clock = clock;
  }

  /**
   * Reads (and with {@code follow}, waits for) the output asked for; empty when there is no such task.
   *
   * @throws NoSuchAttemptException when the attempt is past the task's current one
   */
  public Optional<Page> read(Request r) throws InterruptedException {
    long deadline = System.nanoTime() + r.maxWait().toNanos();
    while (true) {
      Optional<TaskRecord> task = db.tasks().find(r.taskId());
      if (task.isEmpty()) {
        return Optional.empty();
      }
      Page page = once(task.get(), r);
      long left = deadline - System.nanoTime();
      if (!r.follow() || !page.chunks().isEmpty() || page.complete() || left <= 0 || bell.closed()) { // closed: stopping
        return Optional.of(page);
      }
      bell.await(Duration.ofNanos(Math.min(left, RECHECK.toNanos())));
    }
  }

  private Page once(TaskRecord task, Request r) {
    int attempt = r.attempt() == null ? task.attempt() : r.attempt();
    if (attempt > task.attempt()) {
      throw new NoSuchAttemptException("task " + task.id() + " has had attempts 0 to " + task.attempt()
          + ", not " + attempt);
    }
    // the task's state is read before the bytes, so a page that says complete has every byte stored by then
    boolean over = LogCompleteness.over(task, attempt);
    List<LogBytes> chunks = new ArrayList<>();
    Map<TaskStream, Long> next = new EnumMap<>(TaskStream.class);
    Map<TaskStream, Long> dropped = new EnumMap<>(TaskStream.class);
    List<LogExtent> extents = new ArrayList<>();
    boolean more = false;
    int budget = MAX_BYTES;
    for (Map.Entry<TaskStream, Long> e : r.from().entrySet()) {
      LogExtent extent = db.taskLogs().extent(task.id(), attempt, e.getKey());
      extents.add(extent);
      long at = Math.max(e.getValue(), extent.first()); // older bytes were let go: the reader skips to the oldest kept
      if (budget > 0 && at < extent.kept()) {
        for (LogBytes b : db.taskLogs().read(task.id(), attempt, e.getKey(), at, budget)) {
          chunks.add(b);
          budget -= b.data().length;
          at = b.end();
        }
      }
      next.put(e.getKey(), Math.max(at, e.getValue()));
      dropped.put(e.getKey(), extent.dropped());
      more |= at < extent.kept();
    }
    boolean complete = !more && LogCompleteness.complete(task, attempt, extents, clock.instant());
    return new Page(task, attempt, chunks, next, dropped, more, over, complete);
  }
}
