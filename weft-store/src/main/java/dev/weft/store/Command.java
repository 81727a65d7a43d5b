package dev.weft.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** A side effect a decision asks for (call, run, timer, emit), kept in the outbox until done. */
public record Command(CommandId id, String type, JsonNode payload) {
  public Command {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payload, "payload");
  }
}
