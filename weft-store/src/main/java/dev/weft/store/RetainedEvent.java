package dev.weft.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/** An event published when no instance listened, kept until {@code expiresAt}; {@code seq} orders them. */
public record RetainedEvent(long seq, JsonNode event, Instant receivedAt, Instant expiresAt) {
  public RetainedEvent {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
