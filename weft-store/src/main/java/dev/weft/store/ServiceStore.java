package dev.weft.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Service documents by name and version. A stored version is immutable (an instance calling it
 * must see what it was given); a new version of a name gets the next revision, and "latest" is
 * the highest revision.
 */
public interface ServiceStore {
  /**
   * Stores {@code body} as {@code name} version {@code version}. Idempotent: the same body again
   * returns the stored record unchanged.
   *
   * @throws ConflictException if that version is already stored with another body
   */
  ServiceRecord store(String name, String version, String body, Instant now);

  Optional<ServiceRecord> find(String name, String version);

  /** The version stored last (highest revision), or empty. */
  Optional<ServiceRecord> latest(String name);

  /** Every stored version of {@code name}, by ascending revision; empty if the name is unknown. */
  List<ServiceRecord> versions(String name);

  /** Names with a stored version, ascending, at most {@code limit}, after {@code after} (null: from the start). */
  List<String> names(String after, int limit);
}
