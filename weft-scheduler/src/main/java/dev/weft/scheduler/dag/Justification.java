package dev.weft.scheduler.dag;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Forward-backward improvement ("double justification") of a schedule, as used for
 * resource-constrained project scheduling (Valls, Ballestin and Quintanilla, EJOR 165(2), 2005).
 * A backward pass takes the tasks latest-finishing first and starts each as late as the CPU
 * and its successors allow before the makespan, which packs the schedule against its end; a
 * forward pass then takes the tasks in order of those starts and starts each as early as the
 * CPU, its predecessors and its release allow. Gaps that list scheduling left early are filled
 * with work that was needlessly early, and the makespan often shrinks; it is kept only when it
 * does.
 */
final class Justification {
  /** Passes after which improvements become too small to pay for themselves on real workflows. */
  static final int MAX_PASSES = 2;

  private Justification() {}

  /** A schedule no longer than {@code start}: the best of it and its justified versions. */
  static long[] improve(LookaheadProblem p, long[] start) {
    long[] best = start;
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      long[] next = forward(p, backward(p, best));
      if (makespan(p, next) >= makespan(p, best)) {
        break;
      }
      best = next;
    }
    return best;
  }

  static long makespan(LookaheadProblem p, long[] start) {
    long end = p.now;
    for (int t = 0; t < p.size(); t++) {
      end = Math.max(end, start[t] + p.duration[t]);
    }
    return end;
  }

  /** Right-justifies against the makespan, latest finish first (later in topological order on ties). */
  private static long[] backward(LookaheadProblem p, long[] start) {
    long horizon = makespan(p, start);
    CapacityProfile profile = p.backgroundProfile();
    long[] late = new long[p.size()];
    for (int t : order(p, Comparator.comparingLong((Integer i) -> -(start[i] + p.duration[i]))
        .thenComparingInt(i -> -p.topologicalPosition[i]))) {
      long deadline = horizon;
      for (int s : p.successors[t]) {
        deadline = Math.min(deadline, late[s]);
      }
      late[t] = profile.latestStart(deadline, p.duration[t], p.demand[t]);
      profile.hold(late[t], late[t] + p.duration[t], p.demand[t]);
    }
    return late;
  }

  /** Left-justifies in order of the backward starts (earlier in topological order on ties). */
  private static long[] forward(LookaheadProblem p, long[] late) {
    CapacityProfile profile = p.backgroundProfile();
    long[] early = new long[p.size()];
    for (int t : order(p, Comparator.comparingLong((Integer i) -> late[i])
        .thenComparingInt(i -> p.topologicalPosition[i]))) {
      long ready = p.releasedAt[t];
      for (int q : p.predecessors[t]) {
        ready = Math.max(ready, early[q] + p.duration[q]);
      }
      early[t] = profile.earliestStart(ready, p.duration[t], p.demand[t]);
      profile.hold(early[t], early[t] + p.duration[t], p.demand[t]);
    }
    return early;
  }

  private static int[] order(LookaheadProblem p, Comparator<Integer> by) {
    Integer[] tasks = IntStream.range(0, p.size()).boxed().toArray(Integer[]::new);
    Arrays.sort(tasks, by);
    return Arrays.stream(tasks).mapToInt(Integer::intValue).toArray();
  }
}
