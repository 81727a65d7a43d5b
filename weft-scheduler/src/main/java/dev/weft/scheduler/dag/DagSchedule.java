package dev.weft.scheduler.dag;

import java.util.Comparator;
import java.util.List;

/**
 * A complete static schedule of a {@link HeterogeneousDag}.
 *
 * @param slots where and when each task runs, indexed by task
 * @param makespan when the last task finishes (0 for a graph without tasks)
 * @param ranks the priority each task was ordered by, indexed by task: the upward rank for HEFT,
 *     upward plus downward rank for CPOP
 */
public record DagSchedule(List<TaskSlot> slots, double makespan, List<Double> ranks) {
  public DagSchedule {
    slots = List.copyOf(slots);
    ranks = List.copyOf(ranks);
  }

  public TaskSlot slot(int task) {
    return slots.get(task);
  }

  /** The tasks run by {@code processor}, in the order they start (a zero-length task first on a tie). */
  public List<TaskSlot> onProcessor(int processor) {
    return slots.stream()
        .filter(s -> s.processor() == processor)
        .sorted(Comparator.comparingDouble(TaskSlot::start).thenComparingDouble(TaskSlot::finish)
            .thenComparingInt(TaskSlot::task))
        .toList();
  }
}
