package dev.weft.scheduler.placement;

import dev.weft.model.Taint;

/** Steers tasks away from nodes with PreferNoSchedule taints they do not tolerate. */
final class AvoidsPreferNoSchedule implements Scorer {
  @Override
  public double score(PlacementRequest request, NodeState node) {
    for (Taint t : node.node.taints()) {
      if (t.effect() == Taint.Effect.PREFER_NO_SCHEDULE && !ToleratesTaints.tolerated(t, request.task().tolerations())) {
        return 0;
      }
    }
    return 1;
  }
}
