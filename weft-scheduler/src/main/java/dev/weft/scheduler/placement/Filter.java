package dev.weft.scheduler.placement;

/**
 * A feasibility check of one node for one request. Contract: returns {@code null} when the node
 * passes, otherwise a short reason for humans ("insufficient memory", "taint gpu=true not
 * tolerated") that is the same string for the same cause, so reasons can be counted across nodes.
 * Must not change any state.
 */
public interface Filter {
  String reject(PlacementRequest request, NodeState node);
}
