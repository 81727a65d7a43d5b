package dev.weft.sim.engine;

import dev.weft.model.Node;
import dev.weft.model.Resources;
import dev.weft.sim.workload.SimJob;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the jobs that can never run: those that ask more than the largest node has, and those
 * that depend, directly or not, on such a job. They are rejected before the simulation starts so
 * that they cannot block a queue for ever.
 */
final class UnfittableJobs {
  private UnfittableJobs() {}

  /** The ids to reject, in workload order of discovery (too big first, then their dependents). */
  static Set<String> find(List<SimJob> jobs, List<Node> nodes) {
    List<Resources> capacities = nodes.stream().map(n -> n.capacity().asCapacity()).distinct().toList();
    Set<String> rejected = new LinkedHashSet<>();
    Map<String, List<String>> dependents = new HashMap<>();
    for (SimJob job : jobs) {
      job.spec().dependsOn().forEach(d -> dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(job.id()));
      if (capacities.stream().noneMatch(c -> job.spec().resources().fitsIn(c))) {
        rejected.add(job.id());
      }
    }
    Deque<String> todo = new ArrayDeque<>(rejected);
    while (!todo.isEmpty()) {
      for (String d : dependents.getOrDefault(todo.poll(), List.of())) {
        if (rejected.add(d)) {
          todo.add(d);
        }
      }
    }
    return rejected;
  }
}
