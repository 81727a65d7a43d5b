package dev.weft.scheduler.placement;

import dev.weft.model.AffinityRule;
import dev.weft.model.TaskSpec;
import dev.weft.model.TopologyLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The labels of the tasks in every topology domain (rack, zone...), for inter-task affinity, and
 * the required anti-affinity rules of those tasks, so that a newcomer is kept out of a domain whose
 * tasks refuse it (anti-affinity is symmetric, as in Kubernetes).
 */
public final class AffinityIndex {
  private final Map<String, List<Map<String, String>>> byDomain = new HashMap<>();
  private final Map<String, List<AffinityRule>> refusals = new HashMap<>();
  private int refusalCount;

  public void add(TaskSpec task, NodeState node) {
    for (AffinityRule r : task.affinity()) {
      if (refuses(r)) {
        refusals.computeIfAbsent(key(r.level(), node), k -> new ArrayList<>()).add(r);
        refusalCount++;
      }
    }
    if (task.labels().isEmpty()) {
      return;
    }
    for (TopologyLevel level : TopologyLevel.values()) {
      byDomain.computeIfAbsent(key(level, node), k -> new ArrayList<>()).add(task.labels());
    }
  }

  public void remove(TaskSpec task, NodeState node) {
    for (AffinityRule r : task.affinity()) {
      if (refuses(r)) {
        List<AffinityRule> l = refusals.get(key(r.level(), node));
        if (l != null && l.remove(r)) {
          refusalCount--;
        }
      }
    }
    for (TopologyLevel level : TopologyLevel.values()) {
      List<Map<String, String>> l = byDomain.get(key(level, node));
      if (l != null) {
        l.remove(task.labels());
      }
    }
  }

  /** A task already in one of the node's domains has a required anti-affinity rule selecting {@code labels}. */
  boolean refused(Map<String, String> labels, NodeState node) {
    if (refusalCount == 0) {
      return false;
    }
    for (TopologyLevel level : TopologyLevel.values()) {
      for (AffinityRule r : refusals.getOrDefault(key(level, node), List.of())) {
        if (r.selects(labels)) {
          return true;
        }
      }
    }
    return false;
  }

  /** True when some task holds a required anti-affinity rule, so feasibility depends on who is where. */
  boolean hasRefusals() {
    return refusalCount > 0;
  }

  private static boolean refuses(AffinityRule r) {
    return r.required() && r.kind() == AffinityRule.Kind.ANTI_AFFINITY;
  }

  private static String key(TopologyLevel level, NodeState node) {
    return level + ":" + node.node.topology().domain(level, node.id());
  }

  /** True when some task in the node's domain at the rule's level is selected by the rule. */
  boolean anySelected(AffinityRule rule, NodeState node) {
    List<Map<String, String>> l = byDomain.get(key(rule.level(), node));
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
