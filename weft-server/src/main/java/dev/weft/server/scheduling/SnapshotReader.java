package dev.weft.server.scheduling;

import dev.weft.model.Node;
import dev.weft.model.TaskSpec;
import dev.weft.model.lifecycle.TaskState;
import dev.weft.scheduler.api.ClusterView;
import dev.weft.scheduler.api.PendingTask;
import dev.weft.scheduler.api.RunningTask;
import dev.weft.scheduler.api.TaskGraph;
import dev.weft.store.Database;
import dev.weft.store.NodeRecord;
import dev.weft.store.TaskRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one round's {@link Snapshot} from the store, keeping nothing between rounds: a server that
 * takes the lease over plans from exactly what the database holds. Nodes that are not {@code UP}
 * are left out of the view (their tasks with them); a DAG task waits outside the pending list until
 * every task it depends on has succeeded; tasks without an estimate get one from run-time history.
 */
final class SnapshotReader {
  /** The most pending tasks one round looks at, oldest first. */
  static final int PENDING_LIMIT = 10_000;
  private static final int ACTIVE_LIMIT = 1_000_000;
  private final Database db;

  SnapshotReader(Database db) {
    this.db = db;
  }

  Snapshot read(Instant now) {
    return db.transactor().inTransaction(() -> {
      Map<String, Long> taskVersions = new HashMap<>();
      Map<String, Long> nodeVersions = new HashMap<>();
      List<Node> nodes = new ArrayList<>();
      for (NodeRecord n : db.nodes().list()) {
        if (n.state().schedulable()) {
          nodes.add(SpecJson.node(n));
          nodeVersions.put(n.id(), n.version());
        }
      }
      List<RunningTask> running = new ArrayList<>();
      for (TaskRecord t : db.tasks().withStatus(Set.of(TaskState.PLACED, TaskState.RUNNING), ACTIVE_LIMIT)) {
        if (nodeVersions.containsKey(t.nodeId())) {
          Instant since = t.startedAt() != null ? t.startedAt() : t.placedAt();
          running.add(new RunningTask(SpecJson.task(t), t.nodeId(), since.toEpochMilli()));
          taskVersions.put(t.id(), t.version());
        }
      }
      Map<TaskRecord, TaskSpec> waiting = ready(db.tasks().withStatus(Set.of(TaskState.PENDING), PENDING_LIMIT));
      Map<String, List<Long>> history = db.runtimes().recent(names(waiting.keySet()), RuntimeEstimator.WINDOW);
      List<PendingTask> pending = new ArrayList<>();
      waiting.forEach((t, spec) -> {
        pending.add(new PendingTask(RuntimeEstimator.estimate(spec, history.get(t.name())), 0, t.attempt()));
        taskVersions.put(t.id(), t.version());
      });
      ClusterView view = new ClusterView(nodes, running, SpecJson.queues(db.queueTree().current()), Map.of(),
          TaskGraph.EMPTY);
      return new Snapshot(view, pending, taskVersions, nodeVersions);
    });
  }

  /** The pending tasks whose dependencies have all succeeded with their specs, in the order given. */
  private Map<TaskRecord, TaskSpec> ready(List<TaskRecord> pending) {
    Map<String, TaskState> states = new HashMap<>();
    Set<String> jobsRead = new HashSet<>();
    Map<TaskRecord, TaskSpec> out = new LinkedHashMap<>();
    for (TaskRecord t : pending) {
      TaskSpec spec = SpecJson.task(t);
      if (!spec.dependsOn().isEmpty() && jobsRead.add(t.jobId())) {
        db.tasks().ofJob(t.jobId()).forEach(s -> states.put(s.id(), s.status()));
      }
      if (spec.dependsOn().stream().allMatch(d -> states.get(d) == TaskState.SUCCEEDED)) {
        out.put(t, spec);
      }
    }
    return out;
  }

  private static Set<String> names(Set<TaskRecord> tasks) {
    Set<String> names = new HashSet<>();
    tasks.forEach(t -> names.add(t.name()));
    return names;
  }
}
