package dev.weft.store;

import java.time.Instant;
import java.util.List;

/**
 * The output of task attempts as agents ship it, per (task, attempt, stream), kept as the newest
 * bytes up to a limit (older chunks are let go as new ones arrive, see {@link LogAppend}). Appends
 * to one stream are serialised (the stream's row is locked), so two servers taking the same piece
 * store it once.
 */
public interface TaskLogStore {
  /**
   * Stores what {@link LogAppend#of} says of {@code piece}; idempotent by offset (a piece sent again
   * changes nothing). Joins the open transaction.
   *
   * @return the stream's extent afterwards
   */
  LogExtent append(LogPiece piece, long limit, Instant now);

  /** What is held of a stream; {@link LogExtent#NONE} when nothing was shipped. */
  LogExtent extent(String taskId, int attempt, TaskStream stream);

  /**
   * Stored bytes from {@code from} on, in order and without gaps, at most {@code maxBytes} in all
   * (the first piece may start inside a stored chunk; when the bytes at {@code from} were let go,
   * it starts where the stored ones do). Empty when nothing is stored past {@code from}.
   */
  List<LogBytes> read(String taskId, int attempt, TaskStream stream, long from, int maxBytes);

  /**
   * Deletes the stored output (every attempt and stream) of tasks that ended (succeeded, failed or
   * were cancelled) before {@code endedBefore}, at most {@code limit} tasks' worth in one
   * transaction, oldest ends first. The logs of a task still pending, placed or running are never
   * touched, nor the output tails workflows read.
   *
   * @return how many tasks' logs were deleted (fewer than {@code limit}: nothing more is due)
   */
  int purgeEndedBefore(Instant endedBefore, int limit);
}
