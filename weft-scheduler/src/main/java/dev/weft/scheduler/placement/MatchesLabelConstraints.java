package dev.weft.scheduler.placement;

import dev.weft.model.LabelConstraint;

/** Every hard label constraint of the task holds on the node's labels. */
final class MatchesLabelConstraints implements Filter {
  @Override
  public String reject(PlacementRequest request, NodeState node) {
    for (LabelConstraint c : request.task().constraints()) {
      if (!c.matches(node.node.labels())) {
        return "label constraint '" + c + "' not met";
      }
    }
    return null;
  }
}
