package dev.weft.store;

import java.time.Instant;
import java.util.List;

/** The journal of each instance, written together with its snapshot and outbox. */
public interface EventStore {
  /**
   * Writes a decision atomically: the instance's new status and snapshot (version + 1), its
   * events (next sequence numbers) and its commands (outbox). Either all of it is stored or
   * none. A command whose id is already stored is skipped, so replaying a decision's commands
   * is harmless; the events and snapshot are guarded by the version check instead.
   *
   * @return the instance's new version
   * @throws NotFoundException if there is no such instance
   * @throws StaleVersionException if the instance is no longer at the decision's expected version
   * @throws IllegalTransitionException if the status change is not allowed
   */
  long append(Decision decision, Instant now);

  /**
   * Creates an instance with its first decision already applied, writing exactly what
   * {@link InstanceStore#create} followed by {@link #append} would leave: the row at version 2 in
   * the decision's status and snapshot, created and updated at {@code now}, the decision's events
   * from sequence number 1 and its commands. It takes fewer statements (one row written once,
   * nothing read back), which is what an instance that ends in its first decision costs.
   * Nothing is written when the idempotency key or the id is already taken; the caller then
   * falls back to {@link InstanceStore#create}, which returns the instance of that key or
   * refuses the id.
   *
   * @param first a decision on {@code instance} at expected version 1
   * @return true if the instance was created, false if the key or id was taken (nothing written)
   * @throws IllegalArgumentException if {@code first} is not a version-1 decision of {@code instance}
   */
  boolean createDecided(NewInstance instance, Decision first, Instant now);

  /** The instance's events in the order they were appended (by {@code seq}); empty if none. */
  List<RecordedEvent> history(String instanceId);
}
