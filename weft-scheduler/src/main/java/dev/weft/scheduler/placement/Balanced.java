package dev.weft.scheduler.placement;

/** Prefers nodes whose cpu and memory would be used in the same proportion (no stranded memory). */
final class Balanced implements Scorer {
  @Override
  public double score(PlacementRequest request, NodeState node) {
    double cpu = Utilisation.fraction(request.need(), node, 0);
    double mem = Utilisation.fraction(request.need(), node, 1);
    return 1 - Math.min(1, Math.abs(cpu - mem));
  }
}
