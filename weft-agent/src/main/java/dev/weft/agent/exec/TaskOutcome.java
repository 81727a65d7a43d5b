package dev.weft.agent.exec;

/**
 * How a task ended.
 *
 * @param taskId the task
 * @param status the verdict
 * @param exitCode the wrapper's exit status (128+N when the task died of signal N), or null when lost
 * @param detail one line for people: the signal, the OOM kill count, the timeout, who killed it
 */
public record TaskOutcome(String taskId, TaskStatus status, Integer exitCode, String detail) {}
