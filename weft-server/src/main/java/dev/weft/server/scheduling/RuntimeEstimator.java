package dev.weft.server.scheduling;

import dev.weft.model.TaskSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Fills in the run-time estimate of a task that has none: the median of the most recent runs of
 * the same name (service or job). The median, not the mean, so that one stuck or crashed run does
 * not move the estimate. A task's own estimate always wins; no history leaves it unknown (0).
 */
final class RuntimeEstimator {
  /** How many recent runs of a name the estimate looks at. */
  static final int WINDOW = 9;

  private RuntimeEstimator() {
  }

  /** The spec with an estimate learned from {@code recent} (oldest first) when it had none. */
  static TaskSpec estimate(TaskSpec spec, List<Long> recent) {
    return withEstimate(spec, estimateOf(spec, recent));
  }

  /** The spec with {@code estimate} as its estimate (the spec itself when it has that one). */
  static TaskSpec withEstimate(TaskSpec spec, long estimate) {
    return estimate == spec.estimateMillis() ? spec : spec.toBuilder().estimateMillis(estimate).build();
  }

  /** The estimate {@link #estimate} gives the spec. */
  static long estimateOf(TaskSpec spec, List<Long> recent) {
    if (spec.estimateMillis() > 0 || recent == null || recent.isEmpty()) {
      return spec.estimateMillis();
    }
    return learned(recent);
  }

  /** The estimate {@code recent} (oldest first, at least one run) gives a task without one of its own. */
  static long learned(List<Long> recent) {
    return median(recent.subList(Math.max(0, recent.size() - WINDOW), recent.size()));
  }

  /** The middle value; for an even count, the mean of the two middle ones (rounded down). */
  static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
