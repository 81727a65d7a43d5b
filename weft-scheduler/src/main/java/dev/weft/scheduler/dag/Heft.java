package dev.weft.scheduler.dag;

/**
 * Insertion-based HEFT (Topcuoglu, Hariri and Wu, "Performance-effective and low-complexity task
 * scheduling for heterogeneous computing", IEEE TPDS 13(3), 2002): tasks in decreasing upward rank,
 * each on the processor where it finishes earliest, filling idle gaps when it fits in one.
 * Deterministic: rank ties go to the lower task index, finish-time ties to the lower processor.
 */
public final class Heft {
  private Heft() {
  }

  public static DagSchedule schedule(HeterogeneousDag dag) {
    double[] ranks = MeanCostRanks.upward(dag);
    PartialSchedule schedule = new PartialSchedule(dag);
    for (int task : PriorityOrder.of(dag, ranks)) {
      schedule.place(schedule.earliestFinishAnywhere(task));
    }
    return schedule.complete(ranks);
  }
}
