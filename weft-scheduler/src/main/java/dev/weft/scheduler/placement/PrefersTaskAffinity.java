package dev.weft.scheduler.placement;

import dev.weft.model.AffinityRule;

/** The share of the task's preferred (not required) affinity rules that the node satisfies. */
final class PrefersTaskAffinity implements Scorer {
  private final AffinityIndex index;

  PrefersTaskAffinity(AffinityIndex index) {
    this.index = index;
  }

  @Override
  public double score(PlacementRequest request, NodeState node) {
    int rules = 0;
    int met = 0;
    for (AffinityRule r : request.task().affinity()) {
      if (r.required()) {
        continue;
      }
      rules++;
      boolean present = index.anySelected(r, node);
      if (present == (r.kind() == AffinityRule.Kind.AFFINITY)) {
        met++;
      }
    }
    return rules == 0 ? 1 : (double) met / rules;
  }
}
