package dev.weft.scheduler.placement;

import dev.weft.model.Profile;

/**
 * Keeps cpu-bound tasks apart and io-bound tasks apart, so a node mixes profiles: a cpu-bound task
 * scores lower the more cpu-bound tasks a node already runs, and likewise for io. Mixed tasks are
 * indifferent.
 */
final class ProfileInterference implements Scorer {
  @Override
  public double score(PlacementRequest request, NodeState node) {
    Profile p = request.task().profile();
    if (p == Profile.CPU) {
      return 1.0 / (1 + node.cpuBoundTasks());
    }
    if (p == Profile.IO) {
      return 1.0 / (1 + node.ioBoundTasks());
    }
    return 0.5;
  }
}
