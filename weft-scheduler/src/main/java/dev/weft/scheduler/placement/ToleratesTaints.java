package dev.weft.scheduler.placement;

import dev.weft.model.Taint;
import dev.weft.model.Toleration;
import java.util.List;

/** The task tolerates every NoSchedule taint of the node. PreferNoSchedule taints only score. */
final class ToleratesTaints implements Filter {
  @Override
  public String reject(PlacementRequest request, NodeState node) {
    for (Taint t : node.node.taints()) {
      if (t.effect() == Taint.Effect.NO_SCHEDULE && !tolerated(t, request.task().tolerations())) {
        return "taint " + t.key() + (t.value().isEmpty() ? "" : "=" + t.value()) + ":NoSchedule not tolerated";
      }
    }
    return null;
  }

  static boolean tolerated(Taint t, List<Toleration> tolerations) {
    for (Toleration tol : tolerations) {
      if (tol.tolerates(t)) {
        return true;
      }
    }
    return false;
  }
}
