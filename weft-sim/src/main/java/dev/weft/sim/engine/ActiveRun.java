package dev.weft.sim.engine;

import dev.weft.scheduler.api.RunningTask;

/**
 * One run of a task on a node. {@code runNumber} is unique in a simulation and tells a live
 * finish event from the stale event of a preempted run.
 */
record ActiveRun(RunningTask view, long runNumber, int attempt) {
  String taskId() {
    return view.spec().id();
  }

  String nodeId() {
    return view.nodeId();
  }
}
