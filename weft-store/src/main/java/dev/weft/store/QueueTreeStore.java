package dev.weft.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/** The one queue tree of the cluster; a new tree replaces the whole tree at once. */
public interface QueueTreeStore {
  /** The tree in force, or empty before the first one is applied. */
  Optional<QueueTree> current();

  /**
   * Replaces the tree read at {@code expectedVersion} (0: none yet).
   *
   * @throws StaleVersionException when another tree was applied since
   */
  QueueTree replace(JsonNode tree, long expectedVersion, Instant now);
}
