package dev.weft.store;

import java.time.Instant;
import java.util.Objects;

/** One stored version of a workflow definition; {@code body} is the document as written (YAML or JSON). */
public record Definition(String name, int version, String body, Instant storedAt) {
  public Definition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(body, "body");
    if (version < 1) {
      throw new IllegalArgumentException("definition version must be at least 1, got " + version);
    }
  }
}
