package dev.weft.agent.protocol;

import dev.weft.agent.exec.SuspendMethod;
import dev.weft.agent.exec.TaskOutcome;
import dev.weft.agent.exec.TaskRunner;
import dev.weft.agent.exec.TaskStartException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.function.BooleanSupplier;

/**
 * Drives a {@link TaskRunner} from an {@link AgentProtocol}. One {@link #tick()} is one round:
 * report what changed, long-poll for assignments (starts only for free slots), carry them out,
 * report again. Heartbeats are not part of a round: {@link #heartbeat()} is called by
 * {@link Heartbeats} on a thread of its own, so a long poll or a slow task start never delays them. Status changes wait in an ordered queue and leave it only once a
 * report has been accepted, so a server that is down loses nothing. Time comes from the injected
 * clock; a tick never sleeps except inside the protocol's long-poll. Before a run's end is
 * reported, the {@link LogFlush} ships the rest of its output, so the server never holds a
 * finished task with part of its logs missing.
 */
public final class AgentLoop {
  private final AgentProtocol protocol;
  private final TaskRunner runner;
  private final NodeInfo node;
  private final LoopSettings settings;
  private final InstantSource clock;
  private final OutputTails tails;
  private final LogFlush logs;
  private final LinkedBlockingDeque<StatusChange> pending = new LinkedBlockingDeque<>();
  /** Held while joining, so the loop and the heartbeat thread never join at the same time. */
  private final Object joining = new Object();
  private volatile Joined session;

  /** The tails of how many bytes of task output at most go in one report (at least one change always does). */
  static final int REPORT_TAIL_BUDGET = 512 * 1024;

  public AgentLoop(AgentProtocol protocol, TaskRunner runner, NodeInfo node, LoopSettings settings,
      InstantSource clock) {
    this(protocol, runner, node, settings, clock, LogFlush.NONE, OutputTails.NONE);
  }

  /** As above; the report of a task's end carries the tails of its output from {@code tails}. */
  public AgentLoop(AgentProtocol protocol, TaskRunner runner, NodeInfo node, LoopSettings settings,
      InstantSource clock, OutputTails tails) {
    this(protocol, runner, node, settings, clock, LogFlush.NONE, tails);
  }

  /** As above; {@code logs} ships the rest of a run's output before its end is reported. */
  public AgentLoop(AgentProtocol protocol, TaskRunner runner, NodeInfo node, LoopSettings settings,
      InstantSource clock, LogFlush logs) {
    this(protocol, runner, node, settings, clock, logs, OutputTails.NONE);
  }

  /**
   * As above; {@code logs} ships the rest of a run's output before its end is reported, and that
   * report carries the tails of its output from {@code tails} (a workflow's result).
   */
  public AgentLoop(AgentProtocol protocol, TaskRunner runner, NodeInfo node, LoopSettings settings,
      InstantSource clock, LogFlush logs, OutputTails tails) {
    this.logs = logs;
    this.tails = tails;
    this.protocol = protocol;
    this.runner = runner;
    this.node = node;
    this.settings = settings;
    this.clock = clock;
  }

  /** The session, joining first when there is none (one join at a time, whichever thread asks). */
  public Joined session() {
    synchronized (joining) {
      if (session == null) {
        session = protocol.join(node);
      }
      return session;
    }
  }

  /** The node id of the current session, if joined (for threads other than the loop's). */
  public Optional<String> nodeId() {
    Joined s = session;
    return s == null ? Optional.empty() : Optional.of(s.nodeId());
  }

  /** One round; see the class comment. A {@link ProtocolException} leaves pending changes queued. */
  public void tick() {
    String nodeId = session().nodeId();
    reportPending(nodeId);
    int free = Math.max(0, settings.slots() - runner.running().size());
    List<Assignment> work = protocol.poll(nodeId, Math.min(free, settings.pollBatch()), settings.pollWait(),
        runner.running(), runner.suspended());
    work.forEach(this::apply);
    reportPending(nodeId);
  }

  /** Ticks until {@code stop} is true; a failed round is retried on the next (after the heartbeat interval). */
  public void runUntil(BooleanSupplier stop, Runnable afterFailure) {
    while (!stop.getAsBoolean()) {
      try {
        tick();
      } catch (ProtocolException e) {
        afterFailure.run();
      }
    }
  }

  /**
   * Takes on a task an earlier agent on this machine started and left running (re-adoption after
   * an agent restart): its end is reported like that of a task this loop started. The server
   * ignores the report if it has given the task to another node meanwhile.
   */
  public void adopt(String taskId, CompletableFuture<TaskOutcome> outcome) {
    outcome.whenComplete((o, failure) -> ended(taskId, o, failure));
  }

  /** Reports the end of a task that ended while no agent watched it (found at start). */
  public void endedWhileAway(TaskOutcome outcome) {
    ended(outcome.taskId(), outcome, null);
  }

  /** The changes not yet accepted by the server, oldest first. */
  public List<StatusChange> pending() {
    return List.copyOf(pending);
  }

  /**
   * Says the node is alive, with the tasks running now; safe to call from a thread other than the
   * loop's. Does nothing before the first join (joining is the first sign of life). A heartbeat
   * answered "unknown node" (the server forgot it, e.g. marked it down) joins again, unless the
   * loop already has a new session. Throws {@link ProtocolException} when the server cannot be reached.
   */
  public void heartbeat() {
    Joined s = session;
    if (s == null) {
      return;
    }
    if (!protocol.heartbeat(new Heartbeat(s.nodeId(), clock.instant(), runner.running(), runner.suspended()))) {
      synchronized (joining) {
        if (session == s) {
          session = null;
          session();
        }
      }
    }
  }

  private void apply(Assignment a) {
    switch (a) {
      case Assignment.Start s -> start(s);
      case Assignment.Kill k -> runner.kill(k.taskId(), k.reason());
      case Assignment.Suspend s -> {
        Optional<SuspendMethod> how = runner.suspend(s.taskId());
        how.ifPresent(m -> change(s.taskId(), TaskState.SUSPENDED, null, "suspended by " + m.name().toLowerCase()));
      }
      case Assignment.Resume r -> {
        if (runner.resume(r.taskId())) {
          change(r.taskId(), TaskState.RESUMED, null, "resumed");
        }
      }
    }
  }

  private void start(Assignment.Start s) {
    String id = s.taskId();
    if (runner.running().contains(id)) {
      return;
    }
    try {
      var outcome = runner.launch(s.command());
      change(id, TaskState.RUNNING, null, "started");
      // attached after RUNNING is queued, so the end is never reported before the start
      outcome.whenComplete((o, failure) -> ended(id, o, failure));
    } catch (TaskStartException e) {
      change(id, TaskState.REJECTED, null, e.getMessage());
    }
  }

  private void ended(String id, TaskOutcome outcome, Throwable failure) {
    if (failure != null) {
      change(id, TaskState.FAILED, null, "the agent lost the task: " + failure.getMessage());
    } else {
      OutputTails.Tails t = tails.of(id);
      pending.addLast(new StatusChange(id, TaskState.ended(outcome.status()), outcome.exitCode(), outcome.detail(),
          clock.instant(), t.stdout(), t.stderr()));
    }
  }

  private void change(String id, TaskState state, Integer exitCode, String detail) {
    pending.addLast(new StatusChange(id, state, exitCode, detail, clock.instant()));
  }

  private void reportPending(String nodeId) {
    while (!pending.isEmpty()) {
      List<StatusChange> batch = new ArrayList<>();
      int bytes = 0;
      for (StatusChange c : pending) {
        if (batch.size() == settings.reportBatch() || (!batch.isEmpty() && bytes + c.tailBytes() > REPORT_TAIL_BUDGET)) {
          break;
        }
        batch.add(c);
        bytes += c.tailBytes();
      }
      List<String> ended = batch.stream().filter(c -> c.state().isEnd()).map(StatusChange::taskId).toList();
      if (!ended.isEmpty()) {
        logs.flush(nodeId, ended);
      }
      protocol.report(nodeId, batch);
      batch.forEach(c -> pending.pollFirst()); // only this thread removes, from the head the batch came from
    }
  }
}
