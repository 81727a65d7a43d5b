package dev.weft.sim.dag;

import dev.weft.sim.workload.SimJob;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What no schedule of a DAG workload can beat, from the actual run times.
 *
 * @param criticalPathSeconds the longest chain of run times through the dependencies
 * @param totalWorkSeconds the sum over tasks of run time times CPUs (CPU-seconds)
 * @param taskSeconds the sum of run times, every task counted as one slot
 */
public record DagBounds(double criticalPathSeconds, double totalWorkSeconds, double taskSeconds) {
  /**
   * The bounds of {@code jobs}; dependencies on jobs not in the list are ignored.
   *
   * @throws IllegalArgumentException when the dependencies form a cycle
   */
  public static DagBounds of(List<SimJob> jobs) {
    Map<String, SimJob> byId = new HashMap<>();
    jobs.forEach(j -> byId.put(j.id(), j));
    Map<String, Integer> missing = new HashMap<>();
    Map<String, List<SimJob>> children = new HashMap<>();
    for (SimJob j : jobs) {
      List<String> parents = j.spec().dependsOn().stream().filter(byId::containsKey).toList();
      missing.put(j.id(), parents.size());
      parents.forEach(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(j));
    }
    Map<String, Long> finish = new HashMap<>();
    Deque<SimJob> ready = new ArrayDeque<>(jobs.stream().filter(j -> missing.get(j.id()) == 0).toList());
    long longest = 0;
    while (!ready.isEmpty()) {
      SimJob j = ready.poll();
      long end = j.spec().dependsOn().stream().mapToLong(p -> finish.getOrDefault(p, 0L)).max().orElse(0)
          + j.runtimeMillis();
      finish.put(j.id(), end);
      longest = Math.max(longest, end);
      for (SimJob c : children.getOrDefault(j.id(), List.of())) {
        if (missing.merge(c.id(), -1, Integer::sum) == 0) {
          ready.add(c);
        }
      }
    }
    if (finish.size() < jobs.size()) {
      throw new IllegalArgumentException("the dependencies of the workload form a cycle");
    }
    double work = jobs.stream().mapToDouble(j -> j.runtimeMillis() * (j.spec().resources().cpuMillis() / 1000.0)).sum();
    double taskTime = jobs.stream().mapToLong(SimJob::runtimeMillis).sum();
    return new DagBounds(longest / 1000.0, work / 1000.0, taskTime / 1000.0);
  }

  /** {@code max(critical path, total work / cpus)}: no schedule on {@code cpus} CPUs ends sooner. */
  public double lowerBound(double cpus) {
    return Math.max(criticalPathSeconds, cpus > 0 ? totalWorkSeconds / cpus : Double.POSITIVE_INFINITY);
  }

  /**
   * {@code round(task time / critical path)}, at least 1: the number of one-task slots on which the
   * critical path and the work bound are about equal, so neither dominates.
   */
  public long tightSlots() {
    return criticalPathSeconds <= 0 ? 1 : Math.max(1, Math.round(taskSeconds / criticalPathSeconds));
  }
}
