package dev.weft.server.scheduling;

import dev.weft.model.TaskSpec;
import dev.weft.store.TaskRecord;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agents' polls waiting in this server with room for work, so that this server's scheduler loop
 * can hand a plan's placements to them directly: the plan's transaction writes each such task as
 * placed and taken at once ({@code sent_at}), and the waiting poll answers with it, with no hand-out
 * transaction of its own (which wrote every task's row a second time). Work placed while no poll of
 * its node waits here (an agent busy, or polling another server) is handed out by the next poll as
 * before.
 *
 * <p>A waiter goes {@code WAITING -> CLAIMED} (a plan is being applied for its node) and then
 * {@code -> DELIVERED} (the plan committed: these tasks are its) or back {@code -> WAITING} (the plan
 * failed: nothing was marked). A poll that stops waiting while its waiter is claimed waits for that
 * outcome, at most {@link #OUTCOME_WAIT}; so a committed hand-out reaches the poll that was claimed
 * for it. One that never does (the poll gave up after that wait, or its answer was lost on the way)
 * is left to {@link AgentDesk#UNDELIVERED}, as a lost answer to a poll always was.
 */
final class WaitingPolls {
  /** How long a poll that stops waiting waits for the plan that claimed it to commit or fail. */
  static final Duration OUTCOME_WAIT = Duration.ofSeconds(30);

  /** A task handed to a waiting poll: its record as placed and taken, and its spec. */
  record Handed(TaskRecord record, TaskSpec spec) {}

  private enum State { WAITING, CLAIMED, DELIVERED, LEFT }

  private enum Event { CLAIM, DELIVER, RELEASE, LEAVE }

  /**
   * The waiter's state table: the state each event leads to; an event not listed in a state changes
   * nothing (a plan cannot claim a poll already claimed or gone, nor deliver to a poll that left).
   * A poll leaves a claimed waiter only once the outcome's wait has run out.
   */
  private static final Map<State, Map<Event, State>> NEXT = Map.of(
      State.WAITING, Map.of(Event.CLAIM, State.CLAIMED, Event.LEAVE, State.LEFT),
      State.CLAIMED, Map.of(Event.DELIVER, State.DELIVERED, Event.RELEASE, State.WAITING, Event.LEAVE, State.LEFT),
      State.DELIVERED, Map.of(Event.LEAVE, State.LEFT),
      State.LEFT, Map.of());

  /** One poll waiting for work on {@code nodeId}, with room for {@code room} tasks. */
  static final class Waiter {
    private final String nodeId;
    private final int room;
    private State state = State.WAITING;
    private List<Handed> handed = List.of();

    private Waiter(String nodeId, int room) {
      this.nodeId = nodeId;
      this.room = room;
    }

    String nodeId() {
      return nodeId;
    }

    int room() {
      return room;
    }

    /** Takes {@code event} by the table; false when it changes nothing in the current state. */
    private synchronized boolean take(Event event) {
      State next = NEXT.get(state).get(event);
      if (next == null) {
        return false;
      }
      state = next;
      notifyAll();
      return true;
    }

    private boolean claim() {
      return take(Event.CLAIM);
    }

    /** False when the poll stopped waiting for this outcome (what was marked is left to the undelivered check). */
    private synchronized boolean deliver(List<Handed> tasks) {
      if (!take(Event.DELIVER)) {
        return false;
      }
      handed = List.copyOf(tasks);
      return true;
    }

    private void release() {
      take(Event.RELEASE);
    }

    private synchronized List<Handed> leave(Duration outcomeWait) throws InterruptedException {
      long deadline = System.nanoTime() + outcomeWait.toNanos();
      while (state == State.CLAIMED) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        wait(Math.max(1, left / 1_000_000));
      }
      List<Handed> out = state == State.DELIVERED ? handed : List.of();
      take(Event.LEAVE);
      return out;
    }
  }

  private final Map<String, Waiter> byNode = new ConcurrentHashMap<>();
  private final Duration outcomeWait;

  WaitingPolls() {
    this(OUTCOME_WAIT);
  }

  WaitingPolls(Duration outcomeWait) {
    this.outcomeWait = outcomeWait;
  }

  /** A poll of {@code nodeId} starts waiting with room for {@code room} tasks (a newer poll of the node takes its place). */
  Waiter register(String nodeId, int room) {
    if (room < 1) {
      throw new IllegalArgumentException("a waiting poll needs room for a task, got " + room);
    }
    Waiter w = new Waiter(nodeId, room);
    byNode.put(nodeId, w);
    return w;
  }

  /** Whether a poll of {@code nodeId} waits here now. */
  boolean waits(String nodeId) {
    return byNode.containsKey(nodeId);
  }

  /**
   * The poll stops waiting: the tasks handed to it, if a plan did; empty otherwise. While a plan that
   * claimed it is being applied, waits for its outcome first.
   */
  List<Handed> leave(Waiter w) throws InterruptedException {
    byNode.remove(w.nodeId(), w);
    return w.leave(outcomeWait);
  }

  /**
   * Claims the polls waiting for the given nodes, for one plan: each is neither handed to another
   * plan nor let go until {@link #deliver} or {@link #release}.
   */
  Map<String, Waiter> claim(Collection<String> nodeIds) {
    Map<String, Waiter> claimed = new LinkedHashMap<>();
    for (String node : nodeIds) {
      Waiter w = byNode.get(node);
      if (w != null && !claimed.containsKey(node) && w.claim()) {
        claimed.put(node, w);
      }
    }
    return claimed;
  }

  /**
   * After the plan committed: each claimed poll gets its tasks (none: it goes on waiting). The polls
   * wake at the {@link WorkBell}'s ring that follows every round that placed tasks; a poll reads the
   * bell's count before it registers, so it cannot miss that ring.
   *
   * @return the number of tasks that reached a poll
   */
  int deliver(Map<String, Waiter> claimed, Map<String, List<Handed>> byNodeHanded) {
    int reached = 0;
    for (Waiter w : claimed.values()) {
      List<Handed> tasks = byNodeHanded.getOrDefault(w.nodeId(), List.of());
      if (tasks.isEmpty()) {
        w.release();
      } else if (w.deliver(tasks)) {
        reached += tasks.size();
      }
    }
    return reached;
  }

  /** The plan failed (nothing was written): the claimed polls go on waiting. */
  void release(Map<String, Waiter> claimed) {
    claimed.values().forEach(Waiter::release);
  }
}
