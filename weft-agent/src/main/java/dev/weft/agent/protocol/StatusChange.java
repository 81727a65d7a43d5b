package dev.weft.agent.protocol;

import java.time.Instant;

/**
 * One change of a task's state on this agent, reported in batches.
 *
 * @param taskId the task
 * @param state the new state
 * @param exitCode the exit status when the task ended (null otherwise, or when lost)
 * @param detail one line for people: why it ended, why it was rejected, how it was suspended
 * @param at the agent's clock when the change happened
 */
public record StatusChange(String taskId, TaskState state, Integer exitCode, String detail, Instant at) {}
