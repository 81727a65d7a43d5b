package dev.weft.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Workflow instances: creation, lookup, status transitions and leases. Every method joins the
 * caller's {@link Transactor} transaction when one is open on this thread.
 */
public interface InstanceStore {
  /**
   * Creates an instance in {@link InstanceStatus#PENDING} at version 1, unless an instance with
   * the same idempotency key exists, in which case that instance is returned unchanged.
   * Idempotent, also under concurrent calls with the same key.
   *
   * @throws ConflictException if the id is already used by an instance with another key
   */
  Instance create(NewInstance instance, Instant now);

  /** The instance, or empty. */
  Optional<Instance> find(String id);

  /**
   * The instance, or empty, its row locked until the transaction ends ({@code FOR UPDATE}): a
   * writer that changes it meanwhile waits, and then sees what this transaction wrote.
   */
  Optional<Instance> findLocked(String id);

  /** Instances matching the filter, oldest first, at most {@code filter.limit()}. */
  List<Instance> list(InstanceFilter filter);

  /** How many instances are in each status; a status without instances is absent. */
  Map<InstanceStatus, Long> countByStatus();

  /**
   * Moves the instance to {@code to} if it is still at {@code expectedVersion}; the version
   * goes up by one. A move to a terminal status releases the lease. Not idempotent: repeating
   * the call with the old version fails.
   *
   * @throws NotFoundException if there is no such instance
   * @throws StaleVersionException if the instance is no longer at {@code expectedVersion}
   * @throws IllegalTransitionException if {@link InstanceStatus#canMoveTo} forbids the move
   */
  Instance transition(String id, long expectedVersion, InstanceStatus to, Instant now);

  /**
   * Leases up to {@code limit} runnable instances whose lease is free or expired at
   * {@code now} to {@code owner} until {@code now + lease}, oldest update first. Concurrent
   * claimers never receive the same instance (row locks skipped, not waited for, and the lease
   * re-checked on write). Claiming does not change an instance's version.
   */
  List<Instance> claim(String owner, Duration lease, Instant now, int limit);

  /**
   * Extends {@code owner}'s lease to {@code now + lease}, as a heartbeat of long work.
   *
   * @return true if {@code owner} still held the lease (even an expired one nobody reclaimed),
   *     false if another owner took it or it was released; then the caller must stop working on
   *     the instance
   */
  boolean renew(String id, String owner, Duration lease, Instant now);

  /** Gives up {@code owner}'s lease on the instance; a no-op if someone else holds it. Idempotent. */
  void release(String id, String owner);
}
