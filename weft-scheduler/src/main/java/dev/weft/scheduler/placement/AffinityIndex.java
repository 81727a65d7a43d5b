package dev.weft.scheduler.placement;

import dev.weft.model.AffinityRule;
import dev.weft.model.TaskSpec;
import dev.weft.model.TopologyLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The labels of the tasks in every topology domain (rack, zone...), for inter-task affinity. */
public final class AffinityIndex {
  private final Map<String, List<Map<String, String>>> byDomain = new HashMap<>();

  public void add(TaskSpec task, NodeState node) {
    if (task.labels().isEmpty()) {
      return;
    }
    for (TopologyLevel level : TopologyLevel.values()) {
      byDomain.computeIfAbsent(level + ":" + node.node.topology().domain(level, node.id()), k -> new ArrayList<>())
          .add(task.labels());
    }
  }

  public void remove(TaskSpec task, NodeState node) {
    for (TopologyLevel level : TopologyLevel.values()) {
      List<Map<String, String>> l = byDomain.get(level + ":" + node.node.topology().domain(level, node.id()));
      if (l != null) {
        l.remove(task.labels());
      }
    }
  }

  /** True when some task in the node's domain at the rule's level is selected by the rule. */
  boolean anySelected(AffinityRule rule, NodeState node) {
    List<Map<String, String>> l = byDomain.get(rule.level() + ":" + node.node.topology().domain(rule.level(), node.id()));
    if (l == null) {
      return false;
    }
    for (Map<String, String> labels : l) {
      if (rule.selects(labels)) {
        return true;
      }
    }
    return false;
  }
}
