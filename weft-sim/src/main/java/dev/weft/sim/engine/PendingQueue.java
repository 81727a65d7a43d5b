package dev.weft.sim.engine;

import dev.weft.scheduler.api.PendingTask;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tasks waiting to be placed, in arrival order: the order in which they first became ready.
 * A preempted task goes back to its original place, ahead of tasks that arrived after it.
 */
final class PendingQueue {
  private final TreeMap<Long, PendingTask> byArrival = new TreeMap<>();
  private final Map<String, Long> arrivalOf = new HashMap<>();
  private long nextArrival;

  /** Adds a task that becomes ready now, after every task already known. */
  void arrive(PendingTask task) {
    long arrival = nextArrival++;
    arrivalOf.put(task.id(), arrival);
    byArrival.put(arrival, task);
  }

  /** Puts a preempted task back at its original place. */
  void requeue(PendingTask task) {
    Long arrival = arrivalOf.get(task.id());
    if (arrival == null) {
      throw new IllegalStateException("task " + task.id() + " never arrived");
    }
    byArrival.put(arrival, task);
  }

  /** Removes and returns the pending task, or null when it is not pending. */
  PendingTask take(String taskId) {
    Long arrival = arrivalOf.get(taskId);
    return arrival == null ? null : byArrival.remove(arrival);
  }

  boolean isEmpty() {
    return byArrival.isEmpty();
  }

  /** A copy of the pending tasks, in arrival order. */
  List<PendingTask> list() {
    return new ArrayList<>(byArrival.values());
  }
}
