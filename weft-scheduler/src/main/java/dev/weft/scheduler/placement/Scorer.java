package dev.weft.scheduler.placement;

/**
 * Ranks a feasible node for a request. Contract: returns a value in [0, 1], higher is better; the
 * pipeline multiplies it by the scorer's weight. Must not change any state.
 */
public interface Scorer {
  double score(PlacementRequest request, NodeState node);
}
