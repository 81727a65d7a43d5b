package dev.weft.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The calls of {@code worker} services: written when a workflow makes the call, leased to workers
 * that poll their queues, ended by the worker that holds the lease. Every change after the first
 * is conditional on the state the caller saw (status, attempt and, for a worker, its name), so
 * two servers, or a worker that lost its lease, cannot both move a call. Calls join the caller's
 * transaction.
 */
public interface WorkerCallStore {
  /** Adds a waiting call; false (and nothing written) when a call with that id exists. */
  boolean add(WorkerCall call);

  Optional<WorkerCall> find(String id);

  /**
   * Leases up to {@code max} waiting calls of these queues whose {@code availableAt} is not after
   * {@code now}, oldest first ({@code createdAt}, then id), skipping rows another transaction has
   * locked: each becomes LEASED to {@code worker} until {@code leaseUntil}, its attempt one more.
   * Returns them as they now are.
   */
  List<WorkerCall> lease(Collection<String> queues, String worker, int max, Instant now, Instant leaseUntil);

  /** Moves the lease of a call LEASED to {@code worker} at {@code attempt} to {@code leaseUntil}; false when it is not so leased. */
  boolean extend(String id, String worker, int attempt, Instant leaseUntil);

  /**
   * Ends a call LEASED to {@code worker} at {@code attempt} as {@code to} (COMPLETED or FAILED);
   * false (nothing written) when it is not so leased.
   */
  boolean end(String id, String worker, int attempt, WorkerCallStatus to, Instant now);

  /** LEASED calls whose lease ran out before {@code now}, the oldest lease end first, at most {@code limit}. */
  List<WorkerCall> expired(Instant now, int limit);

  /**
   * Puts a call LEASED at {@code attempt} back to WAITING (no worker, no lease), available from
   * {@code availableAt}; false when it is not leased at that attempt.
   */
  boolean requeue(String id, int attempt, Instant availableAt);

  /** Ends a call LEASED at {@code attempt}, whoever holds it, as FAILED; false when it is not leased at that attempt. */
  boolean fail(String id, int attempt, Instant now);

  /**
   * Calls still WAITING or LEASED whose deadline is at or before {@code now}, earliest deadline first,
   * at most {@code limit}.
   */
  List<WorkerCall> overdue(Instant now, int limit);

  /**
   * Ends a call still WAITING or LEASED at {@code attempt} as FAILED, whoever holds it (its deadline
   * passed); false when it ended or was leased again meanwhile.
   */
  boolean timeOut(String id, int attempt, Instant now);

  /** Cancels the WAITING and LEASED calls of one instance; how many. */
  int cancelOf(String instanceId, Instant now);

  /** Every call of one instance, oldest first. */
  List<WorkerCall> ofInstance(String instanceId);
}
