package dev.weft.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/** A wake-up for an instance at {@code dueAt}; {@code id} is deterministic (often a {@link CommandId}). */
public record Timer(String id, String instanceId, Instant dueAt, JsonNode payload) {
  public Timer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(payload, "payload");
  }
}
