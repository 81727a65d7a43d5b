package dev.weft.scheduler.dag;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The priority orders the lookahead tries. Both favour the work that the rest of the graph waits
 * on; they differ on a task's own run time, which decides how groups of sibling tasks interleave.
 */
enum LookaheadRule {
  /** Highest upward rank first: the task's own estimate plus the longest chain after it (HEFT's order). */
  UPWARD_RANK("upward-rank"),
  /**
   * Longest chain after the task first, longer own estimate breaking ties: the siblings that feed
   * the same long successor go together, so that successor can start sooner.
   */
  TAIL_FIRST("tail-first");

  private final String wire;

  LookaheadRule(String wire) {
    this.wire = wire;
  }

  String wire() {
    return wire;
  }

  /** Each task's place in this rule's order, 0 first; ties keep the ready tasks' order, waiting tasks after. */
  int[] positions(LookaheadProblem p) {
    long[] tail = tails(p);
    Comparator<Integer> order = switch (this) {
      case UPWARD_RANK -> Comparator.comparingLong((Integer t) -> -(tail[t] + p.duration[t]));
      case TAIL_FIRST -> Comparator.comparingLong((Integer t) -> -tail[t]).thenComparingLong(t -> -p.duration[t]);
    };
    Integer[] tasks = IntStream.range(0, p.size()).boxed().toArray(Integer[]::new);
    Arrays.sort(tasks, order.thenComparingInt(t -> p.tieOrder[t]));
    int[] position = new int[p.size()];
    for (int k = 0; k < tasks.length; k++) {
      position[tasks[k]] = k;
    }
    return position;
  }

  /** For each task, the longest chain of durations strictly after it. */
  private static long[] tails(LookaheadProblem p) {
    long[] tail = new long[p.size()];
    for (int k = p.size() - 1; k >= 0; k--) {
      int t = p.topologicalOrder[k];
      for (int s : p.successors[t]) {
        tail[t] = Math.max(tail[t], p.duration[s] + tail[s]);
      }
    }
    return tail;
  }
}
