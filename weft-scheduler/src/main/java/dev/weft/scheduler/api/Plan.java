package dev.weft.scheduler.api;

import java.util.List;
import java.util.Map;

/**
 * What the scheduler decided in one round. Preemptions are applied before placements: a
 * placement may use room its preemptions free. {@code explanations} says, for every pending
 * task left unplaced, why.
 */
public record Plan(List<Placement> placements, List<Preemption> preemptions, List<Reservation> reservations,
                   Map<String, Explanation> explanations) {
  public Plan {
    placements = List.copyOf(placements);
    preemptions = List.copyOf(preemptions);
    reservations = List.copyOf(reservations);
    explanations = Map.copyOf(explanations);
  }

  /** Why a task is pending, or empty when it was placed or never seen. */
  public java.util.Optional<Explanation> explain(String taskId) {
    return java.util.Optional.ofNullable(explanations.get(taskId));
  }
}
