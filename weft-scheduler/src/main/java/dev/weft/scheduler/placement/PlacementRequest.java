package dev.weft.scheduler.placement;

import dev.weft.model.TaskSpec;

/**
 * What is being placed: the task, its demand as a vector of the round's space, and how long it is
 * expected to hold the node ({@code Long.MAX_VALUE} when unknown) starting at {@code nowMillis}.
 */
public record PlacementRequest(TaskSpec task, long[] need, long nowMillis, long durationMillis) {
  public long endMillis() {
    return durationMillis >= Long.MAX_VALUE - nowMillis ? Long.MAX_VALUE : nowMillis + durationMillis;
  }
}
