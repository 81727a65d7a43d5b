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
  /** A run that ends at {@code end} and gives back {@code cpu}; {@code task} is -1 for a running task. */
  private record Ending(long end, int task, long cpu) {}

  private final LookaheadProblem p;
  private final long[] start;
  private final int[] waiting;
  private final PriorityQueue<Integer> ready;
  private final PriorityQueue<Integer> released;
  private final PriorityQueue<Ending> ending = new PriorityQueue<>(Comparator.comparingLong(Ending::end));
  private long used;

  private GreedyListSchedule(LookaheadProblem p, int[] position) {
    this.p = p;
    start = new long[p.size()];
    Arrays.fill(start, -1);
    waiting = new int[p.size()];
    ready = new PriorityQueue<>(Comparator.comparingInt(t -> position[t]));
    released = new PriorityQueue<>(Comparator.comparingLong(t -> p.releasedAt[t]));
    for (int t = 0; t < p.size(); t++) {
      waiting[t] = p.predecessors[t].length;
      if (waiting[t] == 0) {
        released.add(t);
      }
    }
    for (int r = 0; r < p.heldUntil.length; r++) {
      ending.add(new Ending(p.heldUntil[r], -1, p.heldCpu[r]));
      used += p.heldCpu[r];
    }
  }

  /**
   * The start time of every task of {@code p}.
   *
   * @param position each task's place in the priority order, 0 first
   */
  static long[] of(LookaheadProblem p, int[] position) {
    GreedyListSchedule s = new GreedyListSchedule(p, position);
    long now = p.now;
    for (int left = p.size(); left > 0; ) {
      s.endRunsUntil(now);
      left -= s.startWhatFits(now);
      if (left > 0) {
        now = Math.max(now, s.nextEvent());
      }
    }
    return s.start;
  }

  private void endRunsUntil(long now) {
    while (!ending.isEmpty() && ending.peek().end() <= now) {
      Ending e = ending.poll();
      used -= e.cpu();
      if (e.task() >= 0) {
        for (int s : p.successors[e.task()]) {
          if (--waiting[s] == 0) {
            released.add(s);
          }
        }
      }
    }
    while (!released.isEmpty() && p.releasedAt[released.peek()] <= now) {
      ready.add(released.poll());
    }
  }

  /** Starts the ready tasks that fit, in priority order; returns how many started. */
  private int startWhatFits(long now) {
    List<Integer> skipped = new ArrayList<>();
    int started = 0;
    while (!ready.isEmpty() && p.capacity - used >= p.smallestDemand) {
      int t = ready.poll();
      if (used + p.demand[t] > p.capacity) {
        skipped.add(t);
        continue;
      }
      start[t] = now;
      used += p.demand[t];
      ending.add(new Ending(now + p.duration[t], t, p.demand[t]));
      started++;
    }
    ready.addAll(skipped);
    return started;
  }

  private long nextEvent() {
    long next = Long.MAX_VALUE;
    if (!ending.isEmpty()) {
      next = ending.peek().end();
    }
    if (!released.isEmpty()) {
      next = Math.min(next, p.releasedAt[released.peek()]);
    }
    if (next == Long.MAX_VALUE) {
      throw new IllegalStateException("lookahead: tasks left but nothing running or to be released");
    }
    return next;
  }
}
