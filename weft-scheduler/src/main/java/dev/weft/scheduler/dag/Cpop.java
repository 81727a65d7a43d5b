package dev.weft.scheduler.dag;

import java.util.ArrayList;
import java.util.List;

/**
 * CPOP, the second algorithm of the HEFT paper (Topcuoglu, Hariri and Wu, IEEE TPDS 2002). A task's
 * priority is its upward plus downward rank, the mean-cost length of the longest path through it.
 * The tasks of one longest path (the critical path) all go to the critical-path processor, the
 * one that runs them fastest in total; every other task goes where it finishes earliest, with the
 * insertion policy. Tasks are taken in decreasing priority among those whose predecessors are
 * placed. Deterministic: ties go to the lower task or processor index.
 */
public final class Cpop {
  private Cpop() {
  }

  public static DagSchedule schedule(HeterogeneousDag dag) {
    double[] priority = priorities(dag);
    List<Integer> criticalPath = criticalPath(dag, priority);
    int criticalProcessor = criticalPathProcessor(dag, criticalPath);
    boolean[] critical = new boolean[dag.tasks()];
    criticalPath.forEach(t -> critical[t] = true);
    PartialSchedule schedule = new PartialSchedule(dag);
    for (int task : PriorityOrder.of(dag, priority)) {
      schedule.place(critical[task]
          ? schedule.earliestFinish(task, criticalProcessor)
          : schedule.earliestFinishAnywhere(task));
    }
    return schedule.complete(priority);
  }

  static double[] priorities(HeterogeneousDag dag) {
    double[] upward = MeanCostRanks.upward(dag);
    double[] downward = MeanCostRanks.downward(dag);
    double[] priority = new double[dag.tasks()];
    for (int t = 0; t < priority.length; t++) {
      priority[t] = upward[t] + downward[t];
    }
    return priority;
  }

  /**
   * From the entry task of highest priority, repeatedly the successor of highest priority, to an
   * exit task. Choosing the highest rather than one equal to |CP| needs no float tolerance: a task
   * on a longest path always has a successor on it, and none has a higher priority.
   */
  static List<Integer> criticalPath(HeterogeneousDag dag, double[] priority) {
    List<Integer> path = new ArrayList<>();
    int current = -1;
    for (int t = 0; t < dag.tasks(); t++) {
      if (dag.predecessors(t).length == 0 && (current < 0 || priority[t] > priority[current])) {
        current = t;
      }
    }
    while (current >= 0) {
      path.add(current);
      int next = -1;
      for (int s : dag.successors(current)) {
        if (next < 0 || priority[s] > priority[next]) {
          next = s;
        }
      }
      current = next;
    }
    return path;
  }

  /** The processor minimising the summed run time of the critical path; ties to the lowest index. */
  static int criticalPathProcessor(HeterogeneousDag dag, List<Integer> criticalPath) {
    int best = 0;
    double bestTotal = Double.POSITIVE_INFINITY;
    for (int p = 0; p < dag.processors(); p++) {
      int processor = p;
      double total = criticalPath.stream().mapToDouble(t -> dag.cost(t, processor)).sum();
      if (total < bestTotal) {
        best = p;
        bestTotal = total;
      }
    }
    return best;
  }
}
