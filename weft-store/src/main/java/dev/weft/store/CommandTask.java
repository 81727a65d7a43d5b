package dev.weft.store;

import java.time.Instant;

/**
 * A workflow command carried out as a scheduled task. {@code service} is {@code name@version} of
 * the service called (null for a {@code run: shell} step); {@code deliveredAt} is when the task's
 * outcome was recorded as the command's result (null until then).
 */
public record CommandTask(String commandId, String instanceId, String taskId, String service, Instant submittedAt,
                          Instant deliveredAt) {}
