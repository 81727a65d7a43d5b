package dev.weft.scheduler.placement;

/** Prefers the emptiest node in the dimensions the task uses (load spread across nodes). */
final class Spread implements Scorer {
  @Override
  public double score(PlacementRequest request, NodeState node) {
    return 1 - Utilisation.after(request.need(), node);
  }
}
