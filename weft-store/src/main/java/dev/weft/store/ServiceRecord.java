package dev.weft.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored version of a service document. {@code version} is the document's own version
 * (e.g. {@code 1.0.0}); {@code revision} orders the versions of a name as they were stored (1, 2, ...);
 * {@code body} is the document as JSON.
 */
public record ServiceRecord(String name, String version, int revision, String body, Instant storedAt) {
  public ServiceRecord {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(body, "body");
  }
}
