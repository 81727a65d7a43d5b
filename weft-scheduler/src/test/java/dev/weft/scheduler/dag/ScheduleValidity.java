package dev.weft.scheduler.dag;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything wrong with a schedule, as sentences, so a failing test says what broke: each task
 * placed once and for its run time on that processor, no task starting before its inputs have
 * arrived, no two tasks overlapping on a processor, and the makespan the last finish.
 */
final class ScheduleValidity {
  private static final double EPSILON = 1e-9;

  private ScheduleValidity() {
  }

  static List<String> violations(HeterogeneousDag dag, DagSchedule schedule) {
    List<String> problems = new ArrayList<>();
    if (schedule.slots().size() != dag.tasks()) {
      problems.add(schedule.slots().size() + " slots for " + dag.tasks() + " tasks");
      return problems;
    }
    double lastFinish = 0;
    for (int t = 0; t < dag.tasks(); t++) {
      TaskSlot slot = schedule.slot(t);
      lastFinish = Math.max(lastFinish, slot.finish());
      checkSlot(dag, t, slot, problems);
      for (int q : dag.predecessors(t)) {
        TaskSlot pred = schedule.slot(q);
        double arrival = pred.finish() + dag.communication(q, t, pred.processor(), slot.processor());
        if (slot.start() < arrival - EPSILON) {
          problems.add(slot + " starts before the output of " + pred + " arrives at " + arrival);
        }
      }
    }
    for (int p = 0; p < dag.processors(); p++) {
      List<TaskSlot> run = schedule.onProcessor(p);
      for (int k = 1; k < run.size(); k++) {
        if (run.get(k).start() < run.get(k - 1).finish() - EPSILON) {
          problems.add(run.get(k) + " overlaps " + run.get(k - 1));
        }
      }
    }
    if (Math.abs(schedule.makespan() - lastFinish) > EPSILON) {
      problems.add("makespan " + schedule.makespan() + " but the last task finishes at " + lastFinish);
    }
    return problems;
  }

  private static void checkSlot(HeterogeneousDag dag, int t, TaskSlot slot, List<String> problems) {
    if (slot.task() != t) {
      problems.add("slot " + t + " holds " + slot);
    } else if (slot.start() < 0) {
      problems.add(slot + " starts before time 0");
    } else if (Math.abs(slot.finish() - slot.start() - dag.cost(t, slot.processor())) > EPSILON) {
      problems.add(slot + " lasts " + (slot.finish() - slot.start()) + ", but costs "
          + dag.cost(t, slot.processor()) + " there");
    }
  }
}
