package dev.weft.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** An event a decision appends to an instance's journal. */
public record NewEvent(String type, JsonNode payload) {
  public NewEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payload, "payload");
  }
}
