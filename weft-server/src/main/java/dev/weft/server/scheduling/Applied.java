package dev.weft.server.scheduling;

import java.util.List;

/** What one plan changed: tasks placed (task id on node id) and tasks preempted and queued again. */
public record Applied(List<String> placed, List<String> preempted) {
  public Applied {
    placed = List.copyOf(placed);
    preempted = List.copyOf(preempted);
  }
}
