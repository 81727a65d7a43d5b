package dev.weft.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * The durable state of {@code schedule.on}: per definition, the events its strategy took, pending
 * until they start an instance, then marked with that instance. An event is identified by its
 * CloudEvent {@code source} and {@code id}; a definition name takes each identity at most once,
 * ever. Every method joins the caller's {@link Transactor} transaction when one is open on this
 * thread; {@link #lockPending} needs one, so that taking events and starting the instance they
 * complete commit together.
 */
public interface TriggerEvents {
  /**
   * Locks the trigger state of the definition version (its definition row) until the caller's
   * transaction ends, waiting for another transaction holding it, then returns its pending events,
   * oldest first. Call inside a transaction.
   *
   * @throws IllegalArgumentException when the definition version is not stored
   */
  List<TriggerEvent> lockPending(String name, int version);

  /** Whether the definition name took the event {@code source}/{@code id} already (pending or used). */
  boolean taken(String name, String source, String id);

  /**
   * Records that the definition version took the event, pending.
   *
   * @return its sequence number
   * @throws StoreException when the name took the same {@code source}/{@code id} already (check {@link #taken} under the lock first)
   */
  long take(String name, int version, String source, String id, JsonNode event, boolean until, Instant at);

  /** Marks pending events as used by {@code instanceId}; returns how many were pending. Idempotent. */
  int used(List<Long> seqs, String instanceId);

  /** The id of the instance the event started or helped start, or null when pending or not taken. */
  String instanceOf(String name, String source, String id);
}
