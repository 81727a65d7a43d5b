package dev.weft.sim.dag;

import dev.weft.sim.workload.SimJob;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A lower bound on the makespan of any non-preemptive schedule of a DAG workload on {@code m}
 * identical one-task slots, usually well above {@code max(critical path, task time / m)}. It
 * takes the largest of three arguments, each over every task or task set:
 * <ol>
 *   <li><b>Window.</b> Tasks whose longest chain of predecessors ({@code head}) is at least
 *       {@code h} and whose longest chain of successors ({@code tail}) is at least {@code q} all
 *       run inside {@code [h, makespan - q]}, so {@code makespan >= h + q + their time / m}.</li>
 *   <li><b>Ancestors and descendants.</b> A task starts after all its ancestors, which need
 *       their time / m, and after its head; after it starts, it and its descendants need its run
 *       plus their time / m, and at least its own chain.</li>
 *   <li><b>Waves.</b> Tasks at the same depth of the graph run inside the window of their
 *       smallest head and tail. On {@code m} slots, among the {@code km + 1} longest of them some
 *       slot runs {@code k + 1}, so the window is at least the sum of the {@code k + 1} shortest
 *       of those (the {@code p_m + p_{m+1}} bound of scheduling theory, for every {@code k}).</li>
 * </ol>
 * Used to show how far from the optimum a heuristic can be, not by the scheduler.
 */
public final class SlotBound {
  private final int n;
  private final long[] runtime;
  private final int[][] parents;
  private final int[][] children;
  private final int[] topological;
  private final long[] head;
  private final long[] tail;
  private final double slots;

  private SlotBound(List<SimJob> jobs, long slots) {
    this.n = jobs.size();
    this.slots = slots;
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(jobs.get(i).id(), i);
    }
    runtime = jobs.stream().mapToLong(SimJob::runtimeMillis).toArray();
    parents = jobs.stream().map(j -> j.spec().dependsOn().stream().filter(index::containsKey)
        .mapToInt(index::get).distinct().toArray()).toArray(int[][]::new);
    List<List<Integer>> kids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      kids.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      for (int p : parents[i]) {
        kids.get(p).add(i);
      }
    }
    children = kids.stream().map(k -> k.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    topological = topologicalOrder();
    head = new long[n];
    tail = new long[n];
    for (int t : topological) {
      for (int p : parents[t]) {
        head[t] = Math.max(head[t], head[p] + runtime[p]);
      }
    }
    for (int k = n - 1; k >= 0; k--) {
      int t = topological[k];
      for (int c : children[t]) {
        tail[t] = Math.max(tail[t], runtime[c] + tail[c]);
      }
    }
  }

  /**
   * The bound in seconds for {@code jobs} on {@code slots} slots, each job taking one slot.
   *
   * @throws IllegalArgumentException when the dependencies form a cycle
   */
  public static double of(List<SimJob> jobs, long slots) {
    if (jobs.isEmpty()) {
      return 0;
    }
    SlotBound b = new SlotBound(jobs, slots);
    return Math.max(b.window(), Math.max(b.ancestorsAndDescendants(), b.waves())) / 1000.0;
  }

  /**
   * Heads in decreasing order let the tasks of each window be added incrementally; a window
   * counts only when some task falls in it.
   */
  private double window() {
    long[] tails = Arrays.stream(tail).distinct().sorted().toArray();
    double[] workAtTail = new double[tails.length];
    int[] tasksAtTail = new int[tails.length];
    Integer[] byHead = order(Comparator.comparingLong(t -> -head[t]));
    double best = 0;
    for (int k = 0; k < n; k++) {
      int t = byHead[k];
      int at = Arrays.binarySearch(tails, tail[t]);
      workAtTail[at] += runtime[t];
      tasksAtTail[at]++;
      if (k + 1 < n && head[byHead[k + 1]] == head[t]) {
        continue;
      }
      double work = 0;
      int tasks = 0;
      for (int q = tails.length - 1; q >= 0; q--) {
        work += workAtTail[q];
        tasks += tasksAtTail[q];
        if (tasks > 0) {
          best = Math.max(best, head[t] + tails[q] + work / slots);
        }
      }
    }
    return best;
  }

  private double ancestorsAndDescendants() {
    BitSet[] ancestors = new BitSet[n];
    for (int t : topological) {
      ancestors[t] = new BitSet(n);
      for (int p : parents[t]) {
        ancestors[t].set(p);
        ancestors[t].or(ancestors[p]);
      }
    }
    BitSet[] descendants = new BitSet[n];
    for (int k = n - 1; k >= 0; k--) {
      int t = topological[k];
      descendants[t] = new BitSet(n);
      for (int c : children[t]) {
        descendants[t].set(c);
        descendants[t].or(descendants[c]);
      }
    }
    double best = 0;
    for (int t = 0; t < n; t++) {
      double start = Math.max(head[t], time(ancestors[t]) / slots);
      double rest = Math.max(runtime[t] + tail[t], runtime[t] + time(descendants[t]) / slots);
      best = Math.max(best, start + rest);
    }
    return best;
  }

  private double waves() {
    int[] depth = new int[n];
    for (int t : topological) {
      for (int p : parents[t]) {
        depth[t] = Math.max(depth[t], depth[p] + 1);
      }
    }
    Map<Integer, List<Integer>> levels = new TreeMap<>();
    for (int t = 0; t < n; t++) {
      levels.computeIfAbsent(depth[t], d -> new ArrayList<>()).add(t);
    }
    double best = 0;
    int m = (int) Math.max(1, slots);
    for (List<Integer> level : levels.values()) {
      long[] longestFirst = level.stream().mapToLong(t -> -runtime[t]).sorted().map(v -> -v).toArray();
      double span = Math.max(longestFirst[0], Arrays.stream(longestFirst).sum() / slots);
      for (int k = 1; (long) k * m < longestFirst.length; k++) {
        long sum = 0;
        for (int i = k * m - k; i <= k * m; i++) {
          sum += longestFirst[i];
        }
        span = Math.max(span, sum);
      }
      long earliest = level.stream().mapToLong(t -> head[t]).min().orElse(0);
      long after = level.stream().mapToLong(t -> tail[t]).min().orElse(0);
      best = Math.max(best, earliest + span + after);
    }
    return best;
  }

  private double time(BitSet tasks) {
    double sum = 0;
    for (int t = tasks.nextSetBit(0); t >= 0; t = tasks.nextSetBit(t + 1)) {
      sum += runtime[t];
    }
    return sum;
  }

  private Integer[] order(Comparator<Integer> by) {
    Integer[] tasks = new Integer[n];
    Arrays.setAll(tasks, i -> i);
    Arrays.sort(tasks, by);
    return tasks;
  }

  private int[] topologicalOrder() {
    int[] waiting = new int[n];
    int[] order = new int[n];
    int size = 0;
    for (int t = 0; t < n; t++) {
      waiting[t] = parents[t].length;
      if (waiting[t] == 0) {
        order[size++] = t;
      }
    }
    for (int k = 0; k < size; k++) {
      for (int c : children[order[k]]) {
        if (--waiting[c] == 0) {
          order[size++] = c;
        }
      }
    }
    if (size < n) {
      throw new IllegalArgumentException("the dependencies of the workload form a cycle");
    }
    return order;
  }
}
