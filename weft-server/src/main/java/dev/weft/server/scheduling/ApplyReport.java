package dev.weft.server.scheduling;

import dev.weft.model.lifecycle.IllegalTaskTransitionException;
import dev.weft.model.lifecycle.TaskEvent;
import dev.weft.model.lifecycle.TaskState;
import dev.weft.store.Database;
import dev.weft.store.RuntimeHistory;
import dev.weft.store.StaleVersionException;
import dev.weft.store.TaskChange;
import dev.weft.store.TaskOutput;
import dev.weft.store.TaskRecord;
import dev.weft.store.TaskTransition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies one agent report: every change in order, in one transaction with one read and one batch of
 * writes (a task's start and end in the same report are two changes of its row, both written). A
 * success records its run time under the task's name in the same transaction. When another writer
 * changed a task between the read and the write (a cancel, a requeue), the report is applied again
 * one change per transaction, so only the changes that really lost the race are ignored. The output
 * tails an ending change carries are kept in the same transaction (a workflow finds them with its outcome),
 * with the task's secret values masked ({@link TaskSecrets}).
 */
final class ApplyReport {
  /** What to do with one reported change: write {@code change}, or ignore it {@code because}; both null: nothing. */
  record Verdict(TaskChange change, String because) {}

  private final Database db;
  private final TaskSecrets secrets;

  ApplyReport(Database db, TaskSecrets secrets) {
    this.db = db;
    this.secrets = secrets;
  }

  List<AgentDesk.Ignored> apply(String nodeId, List<AgentDesk.Change> changes, Instant now) {
    try {
      return db.transactor().inTransaction(() -> applyAll(nodeId, changes, now));
    } catch (StaleVersionException raced) {
      List<AgentDesk.Ignored> ignored = new ArrayList<>();
      for (AgentDesk.Change c : changes) {
        try {
          ignored.addAll(db.transactor().inTransaction(() -> applyAll(nodeId, List.of(c), now)));
        } catch (StaleVersionException e) {
          ignored.add(new AgentDesk.Ignored(c.runId().toString(), e.getMessage()));
        }
      }
      return ignored;
    }
  }

  private List<AgentDesk.Ignored> applyAll(String nodeId, List<AgentDesk.Change> changes, Instant now) {
    Map<String, TaskRecord> read = db.tasks().findAllWithoutSpecs(changes.stream().map(c -> c.runId().taskId()).toList());
    Map<String, TaskRecord> current = new HashMap<>(read);
    List<TaskChange> writes = new ArrayList<>();
    List<RuntimeHistory.Run> runs = new ArrayList<>();
    List<AgentDesk.Ignored> ignored = new ArrayList<>();
    List<TaskOutput> outputs = new ArrayList<>();
    for (AgentDesk.Change reported : changes) {
      AgentDesk.Change c = masked(reported);
      TaskRecord before = current.get(c.runId().taskId());
      Verdict v = verdict(nodeId, c, before);
      try {
        if (v.change() != null) {
          TaskRecord after = TaskTransition.after(before, v.change(), now);
          if (after.status() == TaskState.SUCCEEDED && before.startedAt() != null) {
            runs.add(new RuntimeHistory.Run(before.id(), before.attempt(), before.name(),
                Duration.between(before.startedAt(), now).toMillis(), now));
          }
          writes.add(v.change());
          current.put(after.id(), after);
          if (!"RUNNING".equals(c.state()) && (c.stdoutTail() != null || c.stderrTail() != null)) {
            outputs.add(new TaskOutput(before.id(), before.attempt(), c.stdoutTail(), c.stderrTail()));
          }
        } else if (v.because() != null) {
          ignored.add(new AgentDesk.Ignored(c.runId().toString(), v.because()));
        }
      } catch (IllegalTaskTransitionException e) {
        ignored.add(new AgentDesk.Ignored(c.runId().toString(), e.getMessage()));
      }
    }
    db.tasks().applyAll(writes, read, now);
    db.runtimes().recordAll(NewestRuns.of(runs, RuntimeEstimator.WINDOW));
    // output tails are kept for the tasks a workflow waits for (their result); other tasks' output
    // reaches the server through log shipping, so plain jobs write nothing more here
    outputs.stream().filter(o -> db.commandTasks().isLinked(o.taskId())).forEach(db.taskOutputs()::save);
    return ignored;
  }

  /** The change with the task's secret values masked in its detail and output tails (a running report has none). */
  private AgentDesk.Change masked(AgentDesk.Change c) {
    if ("RUNNING".equals(c.state()) || (c.detail() == null && c.stdoutTail() == null && c.stderrTail() == null)) {
      return c;
    }
    String task = c.runId().taskId();
    return new AgentDesk.Change(c.runId(), c.state(), c.exitCode(), secrets.maskTail(task, c.detail()),
        secrets.maskTail(task, c.stdoutTail()), secrets.maskTail(task, c.stderrTail()));
  }

  /** The rules of a report, against the task as it stands (null: unknown). */
  static Verdict verdict(String nodeId, AgentDesk.Change c, TaskRecord t) {
    if (t == null) {
      return ignore("no task " + c.runId().taskId());
    }
    if (!nodeId.equals(t.nodeId()) || t.attempt() != c.runId().attempt()) {
      return ignore("stale: task " + t.id() + " is now attempt " + t.attempt() + " in state " + t.status()
          + (t.nodeId() == null ? "" : " on node " + t.nodeId()));
    }
    return switch (c.state()) {
      case "RUNNING" -> t.status() == TaskState.PLACED
          ? write(TaskChange.of(t.id(), t.version(), TaskEvent.START, null)) : already(t);
      // the store's SUSPENDED is the scheduler's decision; what the agent holds stopped it says at each heartbeat
      case "SUSPENDED", "RESUMED" -> new Verdict(null, null);
      case "SUCCEEDED" -> t.status() == TaskState.RUNNING || t.status() == TaskState.SUSPENDED
          ? write(TaskChange.finish(t.id(), t.version(), c.exitCode() == null ? 0 : c.exitCode(), c.detail()))
          : already(t);
      case "FAILED", "OUT_OF_MEMORY", "TIMED_OUT", "KILLED", "REJECTED" ->
          t.status() == TaskState.RUNNING || t.status() == TaskState.PLACED || t.status() == TaskState.SUSPENDED
              ? write(new TaskChange(t.id(), t.version(), TaskEvent.FAIL, null, c.exitCode(),
                  c.state() + (c.detail() == null ? "" : ": " + c.detail())))
              : already(t);
      default -> ignore("unknown state " + c.state());
    };
  }

  private static Verdict write(TaskChange change) {
    return new Verdict(change, null);
  }

  private static Verdict ignore(String why) {
    return new Verdict(null, why);
  }

  private static Verdict already(TaskRecord t) {
    return ignore("already " + t.status());
  }
}
