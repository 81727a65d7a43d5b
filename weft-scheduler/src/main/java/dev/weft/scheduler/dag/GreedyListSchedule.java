package dev.weft.scheduler.dag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * List scheduling as a dispatcher does it, moving forward in time: whenever CPU frees or a task
 * becomes ready, start the ready tasks in priority order, each one that fits in the free CPU. No
 * task is held back while it could run (a non-delay schedule), as Weft's own planner does it.
 */
final class GreedyListSchedule {
  private GreedyListSchedule() {}

  /**
   * The start time of every task of {@code p}.
   *
   * @param position each task's place in the priority order, 0 first
   */
  static long[] of(LookaheadProblem p, int[] position) {
    int n = p.size();
    long[] start = new long[n];
    Arrays.fill(start, -1);
    int[] waiting = new int[n];
    PriorityQueue<Integer> ready = new PriorityQueue<>(Comparator.comparingInt(t -> position[t]));
    PriorityQueue<Integer> released = new PriorityQueue<>(Comparator.comparingLong(t -> p.releasedAt[t]));
    PriorityQueue<long[]> ending = new PriorityQueue<>(Comparator.comparingLong(e -> e[0]));
    for (int t = 0; t < n; t++) {
      waiting[t] = p.predecessors[t].length;
      if (waiting[t] == 0) {
        released.add(t);
      }
    }
    for (int r = 0; r < p.heldUntil.length; r++) {
      ending.add(new long[] {p.heldUntil[r], -1, p.heldCpu[r]});
    }
    long used = Arrays.stream(p.heldCpu).sum();
    long now = p.now;
    for (int left = n; left > 0; ) {
      while (!ending.isEmpty() && ending.peek()[0] <= now) {
        long[] e = ending.poll();
        used -= e[2];
        if (e[1] >= 0) {
          for (int s : p.successors[(int) e[1]]) {
            if (--waiting[s] == 0) {
              released.add(s);
            }
          }
        }
      }
      while (!released.isEmpty() && p.releasedAt[released.peek()] <= now) {
        ready.add(released.poll());
      }
      List<Integer> skipped = new ArrayList<>();
      while (!ready.isEmpty() && p.capacity - used >= p.smallestDemand) {
        int t = ready.poll();
        if (used + p.demand[t] > p.capacity) {
          skipped.add(t);
          continue;
        }
        start[t] = now;
        used += p.demand[t];
        ending.add(new long[] {now + p.duration[t], t, p.demand[t]});
        left--;
      }
      ready.addAll(skipped);
      now = Math.max(now, next(ending, released, p));
    }
    return start;
  }

  private static long next(PriorityQueue<long[]> ending, PriorityQueue<Integer> released, LookaheadProblem p) {
    long next = Long.MAX_VALUE;
    if (!ending.isEmpty()) {
      next = ending.peek()[0];
    }
    if (!released.isEmpty()) {
      next = Math.min(next, p.releasedAt[released.peek()]);
    }
    if (next == Long.MAX_VALUE) {
      throw new IllegalStateException("lookahead: tasks left but nothing running or released");
    }
    return next;
  }
}
