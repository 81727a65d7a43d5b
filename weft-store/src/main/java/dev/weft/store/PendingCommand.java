package dev.weft.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** An outbox entry not yet marked done; {@code id} is the {@link CommandId#value()}. */
public record PendingCommand(String id, String instanceId, String type, JsonNode payload, Instant createdAt) {}
