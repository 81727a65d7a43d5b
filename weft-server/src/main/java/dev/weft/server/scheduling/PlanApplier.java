package dev.weft.server.scheduling;

import dev.weft.model.lifecycle.TaskEvent;
import dev.weft.scheduler.api.Placement;
import dev.weft.scheduler.api.Plan;
import dev.weft.scheduler.api.Preemption;
import dev.weft.scheduler.api.PreemptionMode;
import dev.weft.store.Database;
import dev.weft.store.LeaseGrant;
import dev.weft.store.StaleVersionException;
import dev.weft.store.TaskChange;
import dev.weft.store.TaskRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies a plan in one transaction, all or nothing: first the fence (the lease still held at the
 * plan's epoch), then every node the plan touches at the version the snapshot read (the version is
 * bumped, so a concurrent plan on the same node fails), then preemptions (victim preempted, then
 * queued again with its attempt counted; or, in suspend mode, a running process suspended in place)
 * and placements (one batch, written without reading the
 * tasks again), each task at the version read.
 */
final class PlanApplier {
  private final Database db;
  private final SchedulerLease lease;

  PlanApplier(Database db, SchedulerLease lease) {
    this.db = db;
    this.lease = lease;
  }

  /**
   * @throws StaleVersionException when a task or node changed since the snapshot (nothing applied)
   * @throws LeaseLostException when this server lost the lease (nothing applied)
   */
  Applied apply(Snapshot snapshot, Plan plan, LeaseGrant grant, Instant now) {
    return db.transactor().inTransaction(() -> {
      if (!lease.stillHolds(grant, now)) {
        throw new LeaseLostException(grant.holder(), grant.epoch());
      }
      for (String node : touchedNodes(plan)) {
        db.nodes().assign(node, version(node, snapshot.nodeVersions().get(node)));
      }
      List<String> preempted = new ArrayList<>();
      for (Preemption p : plan.preemptions()) {
        long v = version(p.taskId(), snapshot.taskVersions().get(p.taskId()));
        if (p.mode() == PreemptionMode.SUSPEND && snapshot.suspendable().contains(p.taskId())) {
          db.tasks().apply(TaskChange.of(p.taskId(), v, TaskEvent.SUSPEND,
              "suspended for " + p.forTaskId() + ": " + p.reason()), now);
        } else { // kill-and-requeue, also in suspend mode for a task that cannot be suspended
          TaskRecord stopped = db.tasks().apply(TaskChange.of(p.taskId(), v, TaskEvent.PREEMPT,
              "preempted for " + p.forTaskId() + ": " + p.reason()), now);
          db.tasks().apply(TaskChange.of(p.taskId(), stopped.version(), TaskEvent.REQUEUE, stopped.message()), now);
        }
        preempted.add(p.taskId());
      }
      List<String> placed = new ArrayList<>();
      List<TaskChange> placements = new ArrayList<>();
      for (Placement p : plan.placements()) {
        long v = version(p.taskId(), snapshot.taskVersions().get(p.taskId()));
        placements.add(TaskChange.place(p.taskId(), v, p.nodeId()));
        placed.add(p.taskId() + "@" + p.nodeId());
      }
      db.tasks().placeAll(placements, now);
      return new Applied(placed, preempted);
    });
  }

  /** In id order, so two appliers lock nodes in the same order. */
  private static Set<String> touchedNodes(Plan plan) {
    Set<String> nodes = new TreeSet<>();
    plan.preemptions().forEach(p -> nodes.add(p.nodeId()));
    plan.placements().forEach(p -> nodes.add(p.nodeId()));
    return nodes;
  }

  /** A plan names only what its snapshot holds; anything else is a bug in the planner, said plainly. */
  private static long version(String id, Long version) {
    if (version == null) {
      throw new IllegalStateException("the plan names " + id + ", which its snapshot does not hold");
    }
    return version;
  }
}
