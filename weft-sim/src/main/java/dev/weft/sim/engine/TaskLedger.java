package dev.weft.sim.engine;

import dev.weft.sim.metrics.TaskRecord;
import dev.weft.sim.workload.SimJob;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What happened to each task so far: when it first started, how often it was preempted, how it ended. */
final class TaskLedger {
  private final Map<String, Long> firstStart = new HashMap<>();
  private final Map<String, Integer> preemptions = new HashMap<>();
  private final List<TaskRecord> finished = new ArrayList<>();
  private int totalPreemptions;

  void started(String taskId, long now) {
    firstStart.putIfAbsent(taskId, now);
  }

  void preempted(String taskId) {
    preemptions.merge(taskId, 1, Integer::sum);
    totalPreemptions++;
  }

  void finished(SimJob job, String nodeId, long now) {
    finished.add(new TaskRecord(job.id(), job.spec().queue(), job.spec().user(), nodeId, job.submitMillis(),
        firstStart.get(job.id()), now, job.runtimeMillis(), job.spec().resources().cpuMillis(),
        preemptions.getOrDefault(job.id(), 0)));
  }

  List<TaskRecord> records() {
    return List.copyOf(finished);
  }

  int finishedCount() {
    return finished.size();
  }

  int totalPreemptions() {
    return totalPreemptions;
  }
}
