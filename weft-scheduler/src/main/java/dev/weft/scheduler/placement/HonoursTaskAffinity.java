package dev.weft.scheduler.placement;

import dev.weft.model.AffinityRule;

/**
 * Required affinity finds a selected task in the node's domain; required anti-affinity finds none;
 * and no task already in a domain of the node has a required anti-affinity rule selecting this one.
 */
final class HonoursTaskAffinity implements Filter {
  private final AffinityIndex index;

  HonoursTaskAffinity(AffinityIndex index) {
    this.index = index;
  }

  @Override
  public String reject(PlacementRequest request, NodeState node) {
    for (AffinityRule rule : request.task().affinity()) {
      if (!rule.required()) {
        continue;
      }
      boolean present = index.anySelected(rule, node);
      if (rule.kind() == AffinityRule.Kind.AFFINITY && !present) {
        return "no task matching " + rule.matchLabels() + " in the same " + level(rule);
      }
      if (rule.kind() == AffinityRule.Kind.ANTI_AFFINITY && present) {
        return "anti-affinity with a task matching " + rule.matchLabels() + " in the same " + level(rule);
      }
    }
    if (index.refused(request.task().labels(), node)) {
      return "a task in the same domain has anti-affinity with " + request.task().labels();
    }
    return null;
  }

  private static String level(AffinityRule r) {
    return r.level().name().toLowerCase(java.util.Locale.ROOT);
  }
}
