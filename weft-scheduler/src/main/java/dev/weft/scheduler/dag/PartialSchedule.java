package dev.weft.scheduler.dag;

import java.util.Arrays;

/**
 * A schedule being built one task at a time, in an order where every predecessor of a task is
 * placed before it. Shared by HEFT and CPOP, which differ only in the order and in which
 * processors they let a task try.
 */
final class PartialSchedule {
  private final HeterogeneousDag dag;
  private final TaskSlot[] placed;
  private final ProcessorTimeline[] timelines;

  PartialSchedule(HeterogeneousDag dag) {
    this.dag = dag;
    this.placed = new TaskSlot[dag.tasks()];
    this.timelines = new ProcessorTimeline[dag.processors()];
    Arrays.setAll(timelines, p -> new ProcessorTimeline());
  }

  /**
   * The slot giving {@code task} its earliest finish time on {@code processor} under the insertion
   * policy: it starts once every predecessor's output has arrived and the processor has room.
   */
  TaskSlot earliestFinish(int task, int processor) {
    double ready = 0;
    for (int q : dag.predecessors(task)) {
      TaskSlot pred = placed[q];
      ready = Math.max(ready, pred.finish() + dag.communication(q, task, pred.processor(), processor));
    }
    double duration = dag.cost(task, processor);
    double start = timelines[processor].earliestStart(ready, duration);
    return new TaskSlot(task, processor, start, start + duration);
  }

  /** The processor with the earliest finish time for {@code task}; ties go to the lowest index. */
  TaskSlot earliestFinishAnywhere(int task) {
    TaskSlot best = earliestFinish(task, 0);
    for (int p = 1; p < dag.processors(); p++) {
      TaskSlot candidate = earliestFinish(task, p);
      if (candidate.finish() < best.finish()) {
        best = candidate;
      }
    }
    return best;
  }

  void place(TaskSlot slot) {
    placed[slot.task()] = slot;
    timelines[slot.processor()].occupy(slot);
  }

  DagSchedule complete(double[] ranks) {
    double makespan = Arrays.stream(placed).mapToDouble(TaskSlot::finish).max().orElse(0);
    return new DagSchedule(Arrays.asList(placed), makespan, Arrays.stream(ranks).boxed().toList());
  }
}
