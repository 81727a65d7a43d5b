package dev.weft.scheduler.queue;

import dev.weft.scheduler.api.PendingTask;

/**
 * A pending task as a leaf sees it: its arrival index (ties keep arrival order), its expected
 * remaining run time ({@code Long.MAX_VALUE} when unknown) and its DAG rank, higher first: its upward
 * rank in a {@code critical-path} leaf, its place in the lookahead plan in a {@code dag-lookahead} leaf.
 */
public record Queued(PendingTask task, int arrival, long remainingMillis, double rank) {
  public String id() {
    return task.id();
  }
}
