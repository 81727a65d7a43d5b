package dev.weft.sim.metrics;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The outcome of one simulation. Figures are seconds (utilization is a fraction of 1) and cover
 * finished tasks only; rejected tasks (they fit no node) and stuck tasks (still pending when
 * nothing could happen any more) are counted apart, with the first few ids.
 *
 * @param avgBoundedSlowdown mean of {@code max(1, (wait + run) / max(run, 10 s))}
 * @param makespan last finish minus first submit
 * @param utilization CPU time used over CPU time available during the makespan
 * @param stuckReasons for the listed stuck tasks, the planner's last explanation when it gave one
 */
public record SimResult(int jobs, double avgWait, double avgTurnaround, double avgBoundedSlowdown, double makespan,
                        double utilization, double maxWait, Map<String, QueueMetrics> queues, int preemptions,
                        int rejected, List<String> rejectedIds, int stuck, List<String> stuckIds,
                        Map<String, String> stuckReasons, List<TaskRecord> tasks) {
  /** How many ids of rejected or stuck tasks a result lists. */
  public static final int LISTED_IDS = 10;

  public SimResult {
    queues = Map.copyOf(queues);
    rejectedIds = List.copyOf(rejectedIds);
    stuckIds = List.copyOf(stuckIds);
    stuckReasons = Map.copyOf(stuckReasons);
    tasks = List.copyOf(tasks);
  }

  /** The record of a finished task, by id. */
  public Optional<TaskRecord> task(String id) {
    return tasks.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  /** Finish time (ms) of every finished task, by id. */
  public Map<String, Long> finishTimes() {
    return tasks.stream().collect(Collectors.toMap(TaskRecord::id, TaskRecord::finishMillis));
  }

  /** Records by id, for tests that look at many tasks. */
  public Map<String, TaskRecord> tasksById() {
    return tasks.stream().collect(Collectors.toMap(TaskRecord::id, Function.identity()));
  }
}
