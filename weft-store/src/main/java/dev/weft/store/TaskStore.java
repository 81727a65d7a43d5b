package dev.weft.store;

import dev.weft.model.lifecycle.TaskState;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Scheduled tasks: what the scheduler reads each round and every change of their state. */
public interface TaskStore {
  Optional<TaskRecord> find(String id);

  /** The tasks of one job, in submission order. */
  List<TaskRecord> ofJob(String jobId);

  /** How many tasks of one job are in each state (states with none left out), without reading the tasks. */
  Map<TaskState, Integer> countsOfJob(String jobId);

  /** Tasks in any of {@code statuses}, oldest submission first (ties by id), at most {@code limit}. */
  List<TaskRecord> withStatus(Set<TaskState> statuses, int limit);

  /**
   * The tasks holding resources: placed and running ones, then suspended ones, at most
   * {@code limit} of each. Two reads, because on PostgreSQL each is served by a partial index of
   * its own (V17, V20) and one read of all three states by neither.
   */
  default List<TaskRecord> holding(int limit) {
    List<TaskRecord> out = new java.util.ArrayList<>(withStatus(Set.of(TaskState.PLACED, TaskState.RUNNING), limit));
    out.addAll(withStatus(Set.of(TaskState.SUSPENDED), limit));
    return out;
  }

  /** The tasks holding resources on {@code nodeId} (placed, running or suspended). */
  List<TaskRecord> onNode(String nodeId);

  /**
   * Applies one event to a task, checked against {@link dev.weft.model.lifecycle.TaskLifecycle}
   * and the version the caller read; bumps the version. PLACE sets the node; REQUEUE clears the
   * node and run times and counts the attempt up; finishing events set the exit and finish time.
   * Joins the caller's transaction when one is open.
   *
   * @throws StaleVersionException when the task changed since {@code expectedVersion}
   * @throws dev.weft.model.lifecycle.IllegalTaskTransitionException when the table forbids the event
   * @throws NotFoundException for an unknown task
   */
  TaskRecord apply(TaskChange change, Instant now);

  /**
   * The agent's poll: tasks placed on {@code nodeId} whose assignment was not yet taken, marked as
   * taken at {@code now}. Several servers may poll for the same node at once: each task is handed
   * out once ({@code FOR UPDATE SKIP LOCKED}, re-checked on write). Placing a task again (after a
   * requeue) makes it due again.
   */
  default List<TaskRecord> poll(String nodeId, Instant now, int limit) {
    return poll(nodeId, now, limit, true);
  }

  /**
   * As {@link #poll(String, Instant, int)}; with {@code withSpecs} false the records come without
   * their specs (null), for a caller that has them already (a spec never changes once stored).
   */
  List<TaskRecord> poll(String nodeId, Instant now, int limit, boolean withSpecs);

  /**
   * Applies {@code changes} in their order, as {@link #apply} would one by one (two changes of one task
   * chain: the second expects the version the first leaves), with one read and one batch of writes.
   * Joins the caller's transaction when one is open, else runs in its own, so either all are applied
   * or none.
   *
   * @return the records after their last change, by task id
   * @throws StaleVersionException when a task is not at the version its change expects
   * @throws dev.weft.model.lifecycle.IllegalTaskTransitionException when the table forbids an event
   * @throws NotFoundException for an unknown task
   */
  Map<String, TaskRecord> applyAll(List<TaskChange> changes, Instant now);

  /**
   * As {@link #applyAll(List, Instant)}, starting from records the caller has just read (each change's
   * task must be among them) instead of reading them again. Safe because every write bumps the
   * version and each write is guarded by the version of the record it started from: a record that
   * no longer matches its row fails the write with {@link StaleVersionException}.
   */
  Map<String, TaskRecord> applyAll(List<TaskChange> changes, Map<String, TaskRecord> read, Instant now);

  /**
   * Places tasks the caller read as pending, without reading them again: each change must be a
   * {@code PLACE}; it is written as {@link #apply} would write it (node, placing time, hand-out
   * cleared, version one up) where the row is still pending at the version the change expects.
   * Joins the caller's transaction when one is open, else runs in its own: all or nothing.
   *
   * @throws StaleVersionException when a task is not pending at the version its change expects
   * @throws IllegalArgumentException when a change is not a {@code PLACE}, or names a task twice
   */
  default void placeAll(List<TaskChange> placements, Instant now) {
    placeAll(placements, Set.of(), now);
  }

  /**
   * As {@link #placeAll(List, Instant)}, the tasks named in {@code handedOut} also marked as taken by
   * their agent at {@code now} ({@code sent_at}, as {@link #poll} marks them): a scheduler that hands
   * them to a poll waiting for work writes the placement and the hand-out as one change of the row.
   *
   * @throws IllegalArgumentException also when {@code handedOut} names a task not placed here
   */
  void placeAll(List<TaskChange> placements, Set<String> handedOut, Instant now);

  /**
   * The node an earlier attempt of the task was placed on, recorded when that attempt was queued
   * again; empty for an attempt never placed, one queued again before this was recorded (V22), or
   * one that is not earlier than the task's current attempt (whose node is the task's own).
   */
  Optional<String> nodeOfEarlierAttempt(String taskId, int attempt);

  /** The tasks of these ids that exist, by id (one query per few hundred ids). */
  Map<String, TaskRecord> findAll(Collection<String> ids);

  /**
   * As {@link #findAll}, each record with a null {@code spec}, which is neither read nor parsed: for
   * {@link #applyAll(List, Map, Instant)}, since no change touches the spec (the records it returns
   * then have a null spec too).
   */
  Map<String, TaskRecord> findAllWithoutSpecs(Collection<String> ids);

  /**
   * Where a reader that is about to read the tasks in full starts following their changes: take it
   * before the full read, so {@link #changedSince} from it returns every write the full read missed.
   */
  ChangeCursor changeCursor();

  /**
   * The tasks whose last insert or version-bumping write may have become visible since {@code from}
   * was taken, lowest change sequence number first, at most {@code limit}, without their specs; and
   * the cursor for the next read. Rows already read may come again (keep, per task, the highest
   * version). A write takes its number when its statement runs, not when it commits, so numbers
   * alone would miss a write that committed after a later one: on PostgreSQL the read takes every
   * row written by a transaction that had not finished when {@code from} was taken (by transaction
   * id against that snapshot's xmin), which misses nothing; on H2 it reads from {@link
   * #REREAD_MARGIN} below the highest number read, which misses a write that commits after more
   * than that many later ones. The agent's hand-out ({@link #poll}) is not a change.
   */
  ChangedTasks changedSince(ChangeCursor from, int limit);

  /** How far below the highest change number read an H2 read of changes starts again. */
  int REREAD_MARGIN = 2_000;
}
