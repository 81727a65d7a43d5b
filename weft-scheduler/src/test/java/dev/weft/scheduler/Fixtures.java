package dev.weft.scheduler;

import dev.weft.model.Node;
import dev.weft.model.QueueSpec;
import dev.weft.model.Resources;
import dev.weft.model.TaskSpec;
import dev.weft.model.TopologyPath;
import dev.weft.scheduler.api.ClusterView;
import dev.weft.scheduler.api.PendingTask;
import dev.weft.scheduler.api.Plan;
import dev.weft.scheduler.api.PreemptionConfig;
import dev.weft.scheduler.api.RunningTask;
import dev.weft.scheduler.api.SchedulerConfig;
import java.util.List;
import java.util.Map;

/** Small builders shared by the scheduler tests. */
final class Fixtures {
  private Fixtures() {}

  static Resources cpuMem(double cpus, long memMiB) {
    return Resources.of(Math.round(cpus * 1000), memMiB);
  }

  static Node node(String id, double cpus, long memMiB) {
    return Node.of(id, cpuMem(cpus, memMiB));
  }

  static Node node(String id, double cpus, long memMiB, String topology, Map<String, String> labels) {
    return new Node(id, cpuMem(cpus, memMiB), labels, List.of(), TopologyPath.parse(topology));
  }

  static TaskSpec.Builder task(String id, double cpus, long memMiB) {
    return TaskSpec.builder(id).resources(cpuMem(cpus, memMiB));
  }

  static List<PendingTask> pending(TaskSpec... tasks) {
    return java.util.Arrays.stream(tasks).map(PendingTask::of).toList();
  }

  static SchedulerConfig noPreemption() {
    return SchedulerConfig.defaults().withPreemption(PreemptionConfig.none());
  }

  static Plan plan(SchedulerConfig config, List<Node> nodes, List<RunningTask> running, QueueSpec queues,
                   List<PendingTask> pending, long now) {
    return new CorePlanner(config).plan(ClusterView.of(nodes, running, queues), pending, now);
  }

  static long placedIn(Plan plan, String prefix) {
    return plan.placements().stream().filter(p -> p.taskId().startsWith(prefix)).count();
  }
}
