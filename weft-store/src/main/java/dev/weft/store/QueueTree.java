package dev.weft.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** The queue tree in force, in the model's queue format, with its version. */
public record QueueTree(JsonNode tree, long version, Instant updatedAt) {}
