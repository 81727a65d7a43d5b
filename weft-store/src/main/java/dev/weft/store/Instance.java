package dev.weft.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A workflow instance as stored. {@code version} counts the writes of its state (decisions,
 * transitions) and is what optimistic checks compare; a lease is held by {@code leaseOwner}
 * until {@code leaseUntil} (both null when nobody holds it).
 */
public record Instance(
    String id,
    String idempotencyKey,
    String definitionName,
    int definitionVersion,
    InstanceStatus status,
    JsonNode snapshot,
    long version,
    String leaseOwner,
    Instant leaseUntil,
    Instant createdAt,
    Instant updatedAt) {}
