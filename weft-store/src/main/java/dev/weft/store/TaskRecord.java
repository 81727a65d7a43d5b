package dev.weft.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.model.lifecycle.TaskState;
import java.time.Instant;

/**
 * A stored task. {@code version} counts its writes (optimistic checks); {@code attempt} counts the
 * times it was queued again after being preempted or lost; {@code nodeId} is where it was placed,
 * kept once it finished (where it ran) and cleared when it is queued again. Times are null until
 * they happen; {@code sentAt} is when its agent took the assignment.
 */
public record TaskRecord(String id, String jobId, String name, JsonNode spec, String queue, int priority,
                         TaskState status, int attempt, String nodeId, long version, Instant submittedAt,
                         Instant placedAt, Instant sentAt, Instant startedAt, Instant finishedAt,
                         Integer exitCode, String message) {}
