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

  /** The instance's events in the order they were appended (by {@code seq}); empty if none. */
  List<RecordedEvent> history(String instanceId);
}
