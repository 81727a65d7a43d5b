package dev.weft.server.scheduling;

import dev.weft.model.lifecycle.TaskEvent;
import dev.weft.store.Database;
import dev.weft.store.NodeRecord;
import dev.weft.store.NodeState;
import dev.weft.store.StaleVersionException;
import dev.weft.store.TaskChange;
import dev.weft.store.TaskRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Marks nodes that missed their heartbeats down and gives their tasks back to the scheduler: each
 * task placed or running there is lost, then queued again with its attempt counted, or failed once
 * it has been queued again {@code maxRequeues} times. One transaction per node, so a node is never
 * down with its tasks still placed on it. A heartbeat that lands first keeps the node up.
 */
public final class NodeLiveness {
  /** What one sweep did. */
  public record Swept(List<String> nodesDown, List<String> requeued, List<String> failed) {}

  /** Silence after which a node is down by default. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);
  /** How often a lost task is queued again by default before it fails. */
  public static final int DEFAULT_MAX_REQUEUES = 3;
  private final Database db;
  private final Duration timeout;
  private final int maxRequeues;

  /** {@code timeout}: silence after which a node is down; {@code maxRequeues}: times a lost task is queued again. */
  public NodeLiveness(Database db, Duration timeout, int maxRequeues) {
    this.db = db;
    this.timeout = timeout;
    this.maxRequeues = maxRequeues;
  }

  /** Records a heartbeat of {@code nodeId}; false for an unknown node (its agent should register). */
  public boolean heartbeat(String nodeId, Instant now) {
    return db.nodes().heartbeat(nodeId, now);
  }

  /**
   * As {@link #sweep(Instant)}, by a judge that has only been listening since {@code listeningSince}
   * (a scheduler that just became leader, or just restarted): until it has listened for the whole
   * timeout, no node is marked down, since heartbeats sent while no server was answering (or to a
   * server that died) may not have been recorded. Nomad resets its heartbeat timers on leader
   * election for the same reason.
   */
  public Swept sweep(Instant now, Instant listeningSince) {
    if (listeningSince.isAfter(now.minus(timeout))) {
      return new Swept(List.of(), List.of(), List.of());
    }
    return sweep(now);
  }

  public Swept sweep(Instant now) {
    Instant silentSince = now.minus(timeout);
    List<String> down = new ArrayList<>();
    List<String> requeued = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (NodeRecord n : db.nodes().list()) {
      if (n.state() != NodeState.DOWN && n.lastHeartbeat().isBefore(silentSince)) {
        try {
          markDown(n.id(), silentSince, now, down, requeued, failed);
        } catch (StaleVersionException e) {
          // a task of the node was reported on meanwhile; nothing was written, the next sweep tries again
        }
      }
    }
    return new Swept(down, requeued, failed);
  }

  private void markDown(String nodeId, Instant silentSince, Instant now, List<String> down, List<String> requeued,
                        List<String> failed) {
    List<String> gone = new ArrayList<>();
    List<String> again = new ArrayList<>();
    List<String> given = new ArrayList<>();
    db.transactor().inTransaction(() -> {
      if (db.nodes().markDownIfSilent(nodeId, silentSince)) {
        gone.add(nodeId);
        for (TaskRecord t : db.tasks().onNode(nodeId)) {
          (giveBack(t, nodeId, now) ? again : given).add(t.id());
        }
      }
      return null;
    });
    down.addAll(gone);
    requeued.addAll(again);
    failed.addAll(given);
  }

  /** Loses the task and queues it again; true when queued, false when it ran out of attempts and failed. */
  private boolean giveBack(TaskRecord t, String nodeId, Instant now) {
    String reason = "node " + nodeId + " missed its heartbeats for " + timeout.toSeconds() + " s";
    TaskRecord lost = db.tasks().apply(TaskChange.of(t.id(), t.version(), TaskEvent.LOSE, reason), now);
    boolean again = lost.attempt() < maxRequeues;
    db.tasks().apply(TaskChange.of(t.id(), lost.version(), again ? TaskEvent.REQUEUE : TaskEvent.FAIL,
        again ? reason : reason + "; lost " + (lost.attempt() + 1) + " times, not queued again"), now);
    return again;
  }
}
