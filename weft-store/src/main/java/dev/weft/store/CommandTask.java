package dev.weft.store;

import java.time.Instant;

/**
 * A workflow command carried out as a scheduled task. {@code commandId} is the outbox entry's id
 * (unique, also across a retry that issues the step again); {@code decisionId} is the id the
 * decider gave the command, which its result must carry. {@code service} is {@code name@version} of
 * the service called (null for a {@code run: shell} step); {@code deliveredAt} is when the task's
 * outcome was recorded as the command's result (null until then).
 */
public record CommandTask(String commandId, String decisionId, String instanceId, String taskId, String service, Instant submittedAt,
                          Instant deliveredAt) {}
