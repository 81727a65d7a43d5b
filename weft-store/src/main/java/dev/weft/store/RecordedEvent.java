package dev.weft.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A journal entry; {@code seq} starts at 1 per instance and has no gaps. */
public record RecordedEvent(String instanceId, long seq, String type, JsonNode payload, Instant recordedAt) {}
