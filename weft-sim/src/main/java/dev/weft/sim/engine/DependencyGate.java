package dev.weft.sim.engine;

import dev.weft.scheduler.api.TaskGraph;
import dev.weft.sim.workload.SimJob;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Holds back submitted tasks until their dependencies finished, and describes the unfinished
 * DAG tasks that have arrived as the {@link TaskGraph} the planner ranks by.
 */
final class DependencyGate {
  private final Map<String, List<String>> dependents = new HashMap<>();
  private final Set<String> dagTasks = new HashSet<>();
  private final Set<String> finished = new HashSet<>();
  private final Map<String, SimJob> waiting = new LinkedHashMap<>();
  private final Map<String, Integer> missing = new HashMap<>();
  private final Map<String, SimJob> openDagTasks = new LinkedHashMap<>();
  private TaskGraph graph = TaskGraph.EMPTY;
  private boolean graphStale;

  DependencyGate(List<SimJob> jobs) {
    for (SimJob job : jobs) {
      for (String dep : job.spec().dependsOn()) {
        dependents.computeIfAbsent(dep, k -> new ArrayList<>()).add(job.id());
        dagTasks.add(dep);
        dagTasks.add(job.id());
      }
    }
  }

  /** Takes a job that arrives now; returns true when it is ready at once, false when it waits. */
  boolean submit(SimJob job) {
    if (dagTasks.contains(job.id())) {
      openDagTasks.put(job.id(), job);
      graphStale = true;
    }
    int count = (int) job.spec().dependsOn().stream().filter(d -> !finished.contains(d)).count();
    if (count == 0) {
      return true;
    }
    waiting.put(job.id(), job);
    missing.put(job.id(), count);
    return false;
  }

  /** Records a finish; returns the waiting jobs it made ready, in the order they arrived. */
  List<SimJob> finish(String taskId) {
    finished.add(taskId);
    if (openDagTasks.remove(taskId) != null) {
      graphStale = true;
    }
    List<SimJob> ready = new ArrayList<>();
    for (String d : dependents.getOrDefault(taskId, List.of())) {
      if (waiting.containsKey(d) && missing.merge(d, -1, Integer::sum) == 0) {
        ready.add(waiting.remove(d));
        missing.remove(d);
      }
    }
    return ready;
  }

  /** Submitted jobs still waiting for a dependency. */
  List<String> waitingIds() {
    return List.copyOf(waiting.keySet());
  }

  /** The arrived, unfinished DAG tasks: successors among them, estimates (ms, 0 when unknown) and CPU. */
  TaskGraph graph() {
    if (graphStale) {
      Map<String, List<String>> successors = new HashMap<>();
      Map<String, Long> estimates = new HashMap<>();
      Map<String, Long> cpu = new HashMap<>();
      openDagTasks.forEach((id, job) -> {
        successors.put(id, dependents.getOrDefault(id, List.of()).stream().filter(openDagTasks::containsKey).toList());
        estimates.put(id, job.spec().estimateMillis());
        cpu.put(id, job.spec().resources().cpuMillis());
      });
      graph = new TaskGraph(successors, estimates, cpu);
      graphStale = false;
    }
    return graph;
  }
}
