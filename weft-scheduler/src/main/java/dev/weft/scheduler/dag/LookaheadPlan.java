package dev.weft.scheduler.dag;

import java.util.List;
import java.util.Map;

/**
 * The lookahead's plan for the tasks still to start.
 *
 * @param starts the planned start (ms) of every task still to start
 * @param makespanMillis when the last of them is planned to end
 * @param rule the priority order the plan came from ({@code upward-rank} or {@code tail-first})
 * @param readyOrder the ready tasks in the order to offer them: planned start, then the rule's order
 */
public record LookaheadPlan(Map<String, Long> starts, long makespanMillis, String rule, List<String> readyOrder) {
  public LookaheadPlan {
    starts = Map.copyOf(starts);
    readyOrder = List.copyOf(readyOrder);
  }
}
