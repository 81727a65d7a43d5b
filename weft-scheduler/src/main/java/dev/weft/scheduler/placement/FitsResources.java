package dev.weft.scheduler.placement;

import dev.weft.scheduler.resources.ResourceSpace;
import dev.weft.scheduler.resources.Vectors;

/** The node has enough of every resource free right now. Reason names the first short dimension. */
final class FitsResources implements Filter {
  private final String[] reasons;

  FitsResources(ResourceSpace space) {
    reasons = new String[space.size()];
    for (int d = 0; d < reasons.length; d++) {
      reasons[d] = "insufficient " + space.name(d);
    }
  }

  @Override
  public String reject(PlacementRequest request, NodeState node) {
    int d = Vectors.shortfall(request.need(), node.free);
    return d < 0 ? null : reasons[d];
  }

  String reasonFor(int dim) {
    return reasons[dim];
  }
}
