package dev.weft.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * Events published while no instance listened for them, kept for a while so that a listen
 * opening later still receives them (as Temporal buffers signals). Each is taken once: the
 * listen that consumes it removes it. Every method joins the caller's {@link Transactor}
 * transaction when one is open on this thread.
 */
public interface RetainedEvents {
  /**
   * Keeps {@code event} until {@code until} (exclusive) and drops the events already expired at
   * {@code now}. Not idempotent: the same event twice is kept twice.
   *
   * @throws IllegalArgumentException if {@code until} is not after {@code now}
   */
  void retain(JsonNode event, Instant now, Instant until);

  /**
   * The events still kept at {@code now} (expiring after it), oldest first, at most {@code limit},
   * each locked for the caller's transaction. Events another open transaction holds are waited
   * for (not skipped, so a listen never misses an event another listen looked at and left), and
   * those it removed are left out. Call inside a transaction to hold the locks until it ends.
   */
  List<RetainedEvent> lockLive(Instant now, int limit);

  /** Removes the event; false when it was not there (taken or dropped already). Idempotent. */
  boolean remove(long seq);
}
