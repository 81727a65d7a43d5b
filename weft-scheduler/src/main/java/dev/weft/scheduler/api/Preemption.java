package dev.weft.scheduler.api;

/** Stop running task {@code taskId} on {@code nodeId} to make room for {@code forTaskId}. */
public record Preemption(String taskId, String nodeId, PreemptionMode mode, String forTaskId, String reason) {}
