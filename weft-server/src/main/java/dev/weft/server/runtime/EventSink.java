package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;

/** Where the CloudEvents of {@code emit} steps go once sent. */
@FunctionalInterface
public interface EventSink {
  /** Drops every event (no broker, no listener in this process). */
  EventSink NONE = event -> { };

  /** Delivers the event; a RuntimeException makes the emit step fail with a communication error. */
  void publish(JsonNode cloudEvent);
}
