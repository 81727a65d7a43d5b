package dev.weft.server.scheduling;

import dev.weft.model.Resources;
import dev.weft.model.lifecycle.TaskState;
import dev.weft.store.Database;
import dev.weft.store.NodeRecord;
import dev.weft.store.NodeState;
import dev.weft.store.TaskRecord;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the cluster holds now, read from the store for {@code /metrics}: the tasks not ended by
 * status, each queue's counts and use ({@link QueueUsage}), and the nodes by state with their
 * capacity. Every server reads the same answer, whichever holds the scheduler lease.
 *
 * @param tasks live tasks by status (pending counts delayed ones too; every live status present, 0 when none)
 * @param queues the queue tree's lines as {@code GET /api/v1/queues} answers them
 * @param nodes nodes by state (every state present)
 * @param capacity the summed capacity of the nodes in each state (every state present)
 */
public record ClusterCensus(Map<TaskState, Integer> tasks, QueueUsage.Report queues, Map<NodeState, Integer> nodes,
                            Map<NodeState, Resources> capacity) {
  /** The statuses of tasks that have not ended. */
  public static final Set<TaskState> LIVE = Set.of(TaskState.PENDING, TaskState.PLACED, TaskState.RUNNING,
      TaskState.SUSPENDED);

  /** Reads the census now: the holding and pending tasks once, the queue tree, the nodes. */
  public static ClusterCensus read(Database db, Instant now) {
    List<TaskRecord> holding = db.tasks().holding(Integer.MAX_VALUE);
    List<TaskRecord> pending = db.tasks().withStatus(Set.of(TaskState.PENDING), Integer.MAX_VALUE);
    Map<TaskState, Integer> tasks = new EnumMap<>(TaskState.class);
    LIVE.forEach(s -> tasks.put(s, 0));
    holding.forEach(t -> tasks.merge(t.status(), 1, Integer::sum));
    tasks.put(TaskState.PENDING, pending.size());
    QueueUsage.Report queues = QueueUsage.ofRecords(SpecJson.queues(db.queueTree().current()), holding, pending, now);
    Map<NodeState, Integer> nodes = new EnumMap<>(NodeState.class);
    Map<NodeState, Resources> capacity = new EnumMap<>(NodeState.class);
    for (NodeState s : NodeState.values()) {
      nodes.put(s, 0);
      capacity.put(s, Resources.ZERO);
    }
    for (NodeRecord n : db.nodes().list()) {
      nodes.merge(n.state(), 1, Integer::sum);
      capacity.merge(n.state(), SpecJson.node(n).capacity(), Resources::plus);
    }
    return new ClusterCensus(Map.copyOf(tasks), queues, Map.copyOf(nodes), Map.copyOf(capacity));
  }
}
