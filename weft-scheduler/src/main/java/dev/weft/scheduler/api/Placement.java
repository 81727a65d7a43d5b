package dev.weft.scheduler.api;

/** Start {@code taskId} on {@code nodeId} now. {@code backfilled} when it jumped a reservation. */
public record Placement(String taskId, String nodeId, boolean backfilled) {}
