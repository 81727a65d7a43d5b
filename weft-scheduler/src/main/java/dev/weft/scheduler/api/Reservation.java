package dev.weft.scheduler.api;

/** A blocked task is promised {@code nodeId} from {@code startMillis} (computed from runtime estimates). */
public record Reservation(String taskId, String nodeId, long startMillis) {}
