package dev.weft.scheduler.placement;

/** Prefers the node that will be fullest in the dimensions the task uses (fewer, fuller nodes). */
final class BinPack implements Scorer {
  @Override
  public double score(PlacementRequest request, NodeState node) {
    return Utilisation.after(request.need(), node);
  }
}
