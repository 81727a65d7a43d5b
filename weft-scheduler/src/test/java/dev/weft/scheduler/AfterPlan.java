package dev.weft.scheduler;

import dev.weft.model.Node;
import dev.weft.model.Resources;
import dev.weft.model.TaskSpec;
import dev.weft.model.TopologyLevel;
import dev.weft.scheduler.api.PendingTask;
import dev.weft.scheduler.api.Placement;
import dev.weft.scheduler.api.Plan;
import dev.weft.scheduler.api.Preemption;
import dev.weft.scheduler.api.RunningTask;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The cluster once a plan is applied: the running tasks it did not preempt, plus the tasks it placed. */
final class AfterPlan {
  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final Map<String, List<TaskSpec>> tasksOn = new HashMap<>();
  private final Map<String, String> nodeOf = new HashMap<>();

  AfterPlan(Scenario s, Plan p) {
    for (Node n : s.nodes()) {
      nodes.put(n.id(), n);
      tasksOn.put(n.id(), new ArrayList<>());
    }
    Set<String> preempted = new HashSet<>();
    p.preemptions().forEach(x -> preempted.add(x.taskId()));
    for (RunningTask r : s.running()) {
      if (!preempted.contains(r.spec().id())) {
        put(r.spec(), r.nodeId());
      }
    }
    Map<String, TaskSpec> pending = new HashMap<>();
    s.pending().forEach(t -> pending.put(t.id(), t.spec()));
    for (Placement x : p.placements()) {
      put(pending.get(x.taskId()), x.nodeId());
    }
  }

  private void put(TaskSpec t, String node) {
    tasksOn.get(node).add(t);
    nodeOf.put(t.id(), node);
  }

  Node node(String id) {
    return nodes.get(id);
  }

  Resources usedOn(String node) {
    Resources sum = Resources.ZERO;
    for (TaskSpec t : tasksOn.get(node)) {
      sum = sum.plus(t.resources());
    }
    return sum;
  }

  /** Every task (but {@code self}) in the domain at {@code level} that contains node {@code node}. */
  List<TaskSpec> othersNear(String node, TopologyLevel level, String self) {
    String domain = domain(node, level);
    List<TaskSpec> out = new ArrayList<>();
    for (Node n : nodes.values()) {
      if (domain(n.id(), level).equals(domain)) {
        tasksOn.get(n.id()).stream().filter(t -> !t.id().equals(self)).forEach(out::add);
      }
    }
    return out;
  }

  private String domain(String node, TopologyLevel level) {
    return nodes.get(node).topology().domain(level, node);
  }

  /** What the tasks of queue {@code path} and of every queue below it hold. */
  Resources usedByQueue(String path) {
    Resources sum = Resources.ZERO;
    for (List<TaskSpec> l : tasksOn.values()) {
      for (TaskSpec t : l) {
        if (t.queue().equals(path) || t.queue().startsWith(path + ".")) {
          sum = sum.plus(t.resources());
        }
      }
    }
    return sum;
  }

  /** What {@code user} holds in leaf {@code leaf}. */
  Resources usedByUser(String leaf, String user) {
    Resources sum = Resources.ZERO;
    for (List<TaskSpec> l : tasksOn.values()) {
      for (TaskSpec t : l) {
        if (t.queue().equals(leaf) && t.user().equals(user)) {
          sum = sum.plus(t.resources());
        }
      }
    }
    return sum;
  }

  static Set<String> placedIds(Plan p) {
    Set<String> out = new HashSet<>();
    p.placements().forEach(x -> out.add(x.taskId()));
    return out;
  }

  static Set<String> preemptedIds(Plan p) {
    Set<String> out = new HashSet<>();
    p.preemptions().forEach((Preemption x) -> out.add(x.taskId()));
    return out;
  }

  static Map<String, PendingTask> byId(List<PendingTask> pending) {
    Map<String, PendingTask> out = new LinkedHashMap<>();
    pending.forEach(t -> out.put(t.id(), t));
    return out;
  }
}
