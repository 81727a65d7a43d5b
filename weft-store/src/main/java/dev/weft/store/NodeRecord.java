package dev.weft.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A stored node. {@code version} counts changes that matter to a plan: registration, state
 * changes and plans applied onto it (heartbeats do not count).
 */
public record NodeRecord(String id, String topology, JsonNode capacity, JsonNode labels, JsonNode taints,
                         NodeState state, Instant lastHeartbeat, long version, Instant registeredAt) {}
