package dev.weft.server.scheduling;

import dev.weft.model.Resources;
import dev.weft.model.TaskSpec;
import dev.weft.model.lifecycle.TaskState;
import dev.weft.scheduler.api.Explanation;
import dev.weft.scheduler.api.Plan;
import dev.weft.scheduler.api.Planner;
import dev.weft.store.Database;
import dev.weft.store.NodeRecord;
import dev.weft.store.TaskRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Why a task waits: reads the round's snapshot exactly as the scheduler loop does, runs the core
 * planner on it (nothing is applied) and returns the plan's explanation for the task. A task of a
 * delayed job before its time, and a DAG task whose dependencies have not all succeeded, are not
 * offered to the planner; that is the answer then.
 */
public final class TaskExplainer {
  /** The answer: the headline, and per reason how many nodes rejected the task (empty when none were examined). */
  public record Answer(String taskId, String state, String summary, Map<String, Integer> nodeRejections,
                       List<String> waitingFor) {}

  private final Database db;
  private final Planner planner;

  public TaskExplainer(Database db, Planner planner) {
    this.db = db;
    this.planner = planner;
  }

  /** The answer for {@code task}, read and planned at {@code now}. */
  public Answer explain(TaskRecord task, Instant now) {
    if (task.status() != TaskState.PENDING) {
      String where = task.nodeId() == null ? "" : " on node " + task.nodeId();
      return new Answer(task.id(), task.status().name(), "not pending: " + task.status().name().toLowerCase(java.util.Locale.ROOT)
          + where, Map.of(), List.of());
    }
    if (task.submittedAt().isAfter(now)) {
      return new Answer(task.id(), task.status().name(), "not due yet: its job runs not before " + task.submittedAt()
          + "; the first scheduler round after that looks at it", Map.of(), List.of());
    }
    TaskSpec spec = SpecJson.task(task);
    if (!spec.dependsOn().isEmpty()) {
      List<TaskRecord> job = db.tasks().ofJob(task.jobId());
      List<String> unfinished = unfinishedDependencies(spec, job);
      Optional<String> never = neverRuns(task.id(), job);
      if (never.isPresent()) {
        return new Answer(task.id(), task.status().name(), never.get() + "; the next scheduler round cancels it",
            Map.of(), unfinished);
      }
      if (!unfinished.isEmpty()) {
        return new Answer(task.id(), task.status().name(), "waits for the tasks it depends on to succeed", Map.of(),
            unfinished);
      }
    }
    Snapshot s = new SnapshotReader(db).read(now);
    Plan plan = planner.plan(s.view(), s.pending(), now.toEpochMilli());
    if (plan.placements().stream().anyMatch(p -> p.taskId().equals(task.id()))) {
      return new Answer(task.id(), task.status().name(), "fits now: the next scheduler round places it", Map.of(), List.of());
    }
    Optional<Explanation> e = plan.explain(task.id());
    if (e.isEmpty()) {
      return new Answer(task.id(), task.status().name(), "not among the " + SnapshotReader.PENDING_LIMIT
          + " oldest pending tasks a round looks at", Map.of(), List.of());
    }
    return new Answer(task.id(), task.status().name(), e.get().summary(), e.get().nodeRejections(), List.of());
  }

  /** Why the DAG task {@code taskId} of {@code job} can never run ({@link Dependencies}), if it cannot. */
  private static Optional<String> neverRuns(String taskId, List<TaskRecord> job) {
    Map<String, TaskState> states = new java.util.HashMap<>();
    job.forEach(t -> states.put(t.id(), t.status()));
    List<TaskSpec> pending = job.stream().filter(t -> t.status() == TaskState.PENDING).map(SpecJson::task).toList();
    return Dependencies.unrunnable(pending, TaskSpec::id, TaskSpec::dependsOn, states).entrySet().stream()
        .filter(e -> e.getKey().id().equals(taskId)).map(Map.Entry::getValue).findFirst();
  }

  /** The tasks of {@code job} that {@code spec} depends on and that have not succeeded, with their state. */
  private static List<String> unfinishedDependencies(TaskSpec spec, List<TaskRecord> job) {
    List<String> out = new ArrayList<>();
    for (TaskRecord t : job) {
      if (spec.dependsOn().contains(t.id()) && t.status() != TaskState.SUCCEEDED) {
        out.add(t.id() + " (" + t.status().name().toLowerCase(java.util.Locale.ROOT) + ")");
      }
    }
    return out;
  }

  /** The capacity of the nodes that are up: what percentage shares of the root queue resolve against. */
  public static Resources clusterCapacity(Database db) {
    Resources total = Resources.ZERO;
    for (NodeRecord n : db.nodes().list()) {
      if (n.state().schedulable()) {
        total = total.plus(SpecJson.node(n).capacity());
      }
    }
    return total;
  }
}
