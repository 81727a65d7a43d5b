package dev.weft.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Workflow definitions by name and version. A stored version is immutable: a running instance
 * keeps the version it started with, so nothing may change under it.
 */
public interface DefinitionStore {
  /**
   * Stores {@code body} as {@code name}/{@code version}. Idempotent: storing the same body again
   * is a no-op and returns the stored definition.
   *
   * @throws ConflictException if that version already holds a different body
   */
  Definition store(String name, int version, String body, Instant now);

  /** The definition {@code name}/{@code version}, or empty. */
  Optional<Definition> find(String name, int version);

  /** All stored versions of {@code name}, ascending; empty if the name is unknown. */
  List<Integer> versions(String name);

  /** Names with at least one stored version, ascending, at most {@code limit}, after {@code after} (null: from the start). */
  List<String> names(String after, int limit);

  /** Every stored name, ascending (all pages of {@link #names(String, int)}). */
  default List<String> names() {
    List<String> all = new java.util.ArrayList<>();
    for (List<String> page = names(null, 500); !page.isEmpty(); page = names(page.getLast(), 500)) {
      all.addAll(page);
    }
    return all;
  }

  /** The highest stored version of {@code name}, or empty. */
  Optional<Definition> latest(String name);
}
