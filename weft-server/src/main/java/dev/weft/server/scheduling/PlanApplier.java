package dev.weft.server.scheduling;

import dev.weft.model.lifecycle.TaskEvent;
import dev.weft.model.lifecycle.TaskState;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
  private final WaitingPolls polls;

  PlanApplier(Database db, SchedulerLease lease) {
    this(db, lease, new WaitingPolls());
  }

  /** @param polls the agents' polls waiting in this server, handed the placements on their nodes directly */
  PlanApplier(Database db, SchedulerLease lease, WaitingPolls polls) {
    this.db = db;
    this.lease = lease;
    this.polls = polls;
  }

  /**
   * Placements on a node whose agent's poll waits in this server (up to the poll's room, in the
   * plan's order) are written as placed and taken in the same transaction and, once it committed,
   * handed to that poll ({@link WaitingPolls}).
   *
   * @throws StaleVersionException when a task or node changed since the snapshot (nothing applied)
   * @throws LeaseLostException when this server lost the lease (nothing applied)
   */
  Applied apply(Snapshot snapshot, Plan plan, LeaseGrant grant, Instant now) {
    Map<String, WaitingPolls.Waiter> claimed = polls.claim(plan.placements().stream().map(Placement::nodeId)
        .distinct().toList());
    Map<String, List<WaitingPolls.Handed>> handed = new HashMap<>();
    Applied applied;
    try {
      applied = applyClaimed(snapshot, plan, grant, now, claimed, handed);
    } catch (RuntimeException e) {
      polls.release(claimed);
      throw e;
    }
    polls.deliver(claimed, handed);
    return applied;
  }

  private Applied applyClaimed(Snapshot snapshot, Plan plan, LeaseGrant grant, Instant now,
                               Map<String, WaitingPolls.Waiter> claimed, Map<String, List<WaitingPolls.Handed>> handed) {
    return db.transactor().inTransaction(() -> {
      handed.clear(); // a transaction run again starts afresh
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
      Set<String> handedOut = new HashSet<>();
      for (Placement p : plan.placements()) {
        long v = version(p.taskId(), snapshot.taskVersions().get(p.taskId()));
        placements.add(TaskChange.place(p.taskId(), v, p.nodeId()));
        placed.add(p.taskId() + "@" + p.nodeId());
        WaitingPolls.Waiter poll = claimed.get(p.nodeId());
        FollowedTasks.Task read = poll == null ? null : snapshot.followed().apply(p.taskId());
        if (read != null) {
          List<WaitingPolls.Handed> toPoll = handed.computeIfAbsent(p.nodeId(), n -> new ArrayList<>());
          if (toPoll.size() < poll.room()) {
            toPoll.add(new WaitingPolls.Handed(placedAndTaken(read, v, p.nodeId(), now), read.spec()));
            handedOut.add(p.taskId());
          }
        }
      }
      db.tasks().placeAll(placements, handedOut, now);
      return new Applied(placed, preempted);
    });
  }

  /** The record {@code placeAll} writes for a task placed and handed out at {@code now}, as a poll would read it. */
  private static TaskRecord placedAndTaken(FollowedTasks.Task t, long versionRead, String nodeId, Instant now) {
    return new TaskRecord(t.id(), t.jobId(), t.name(), null, t.spec().queue(), t.spec().priority(), TaskState.PLACED,
        t.attempt(), nodeId, versionRead + 1, t.submittedAt(), now, now, null, null, null, null);
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
