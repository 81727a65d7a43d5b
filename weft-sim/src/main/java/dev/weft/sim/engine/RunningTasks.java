package dev.weft.sim.engine;

import dev.weft.model.Node;
import dev.weft.model.Resources;
import dev.weft.scheduler.api.RunningTask;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The runs in progress and what they hold on each node. Refuses, with an
 * {@link IllegalStateException}, anything a correct planner never asks for: a start on an unknown
 * or overfull node, a stop of a task that is not running.
 */
final class RunningTasks {
  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final Map<String, Resources> used = new HashMap<>();
  private final Map<String, ActiveRun> runs = new LinkedHashMap<>();
  private final Set<Long> liveRunNumbers = new HashSet<>();

  RunningTasks(List<Node> nodes) {
    for (Node n : nodes) {
      if (this.nodes.put(n.id(), n) != null) {
        throw new IllegalArgumentException("two nodes are named " + n.id());
      }
      used.put(n.id(), Resources.ZERO);
    }
  }

  void start(ActiveRun run) {
    Node node = nodes.get(run.nodeId());
    if (node == null) {
      throw new IllegalStateException("planner placed task " + run.taskId() + " on unknown node " + run.nodeId());
    }
    Resources after = used.get(node.id()).plus(run.view().spec().resources());
    if (!after.fitsIn(node.capacity().asCapacity())) {
      throw new IllegalStateException("planner overfilled node " + node.id() + " with task " + run.taskId()
          + ": it would hold " + after + " of " + node.capacity());
    }
    used.put(node.id(), after);
    runs.put(run.taskId(), run);
    liveRunNumbers.add(run.runNumber());
  }

  /** Ends the run of {@code taskId}; {@code why} names the caller for the error message. */
  ActiveRun stop(String taskId, String why) {
    ActiveRun run = runs.remove(taskId);
    if (run == null) {
      throw new IllegalStateException(why + ": task " + taskId + " is not running");
    }
    used.computeIfPresent(run.nodeId(), (k, u) -> u.minus(run.view().spec().resources()));
    liveRunNumbers.remove(run.runNumber());
    return run;
  }

  ActiveRun get(String taskId) {
    return runs.get(taskId);
  }

  boolean isLive(long runNumber) {
    return liveRunNumbers.contains(runNumber);
  }

  boolean isEmpty() {
    return runs.isEmpty();
  }

  /** The runs as the planner sees them, in the order they started. */
  List<RunningTask> views() {
    List<RunningTask> out = new ArrayList<>(runs.size());
    runs.values().forEach(r -> out.add(r.view()));
    return out;
  }
}
