package dev.weft.server.scheduling;

import dev.weft.model.TaskSpec;
import dev.weft.store.Database;
import dev.weft.store.Job;
import dev.weft.store.JobKind;
import dev.weft.store.NewJob;
import dev.weft.store.StoredJob;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Submits a job of tasks: one task, an array of N copies of a template ({@code job/0} ...
 * {@code job/N-1}), or a DAG (tasks naming others of the job in {@code dependsOn}). Checks first,
 * so a job the scheduler could never finish is refused with the task and the reason: duplicate
 * ids, a dependency outside the job, a cycle.
 */
public final class JobSubmission {
  private final Database db;
  private final RoundBell rounds;

  public JobSubmission(Database db) {
    this(db, RoundBell.NONE);
  }

  /** As above; each submission rings {@code rounds}, so the scheduler places it at once. */
  public JobSubmission(Database db, RoundBell rounds) {
    this.db = db;
    this.rounds = rounds;
  }

  /** N copies of {@code template} with ids {@code jobId/0} .. {@code jobId/N-1}. */
  public static List<TaskSpec> array(String jobId, TaskSpec template, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("job " + jobId + ": an array needs at least 1 task, got " + n);
    }
    List<TaskSpec> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(TaskSpec.builder(jobId + "/" + i).job(jobId).resources(template.resources())
          .profile(template.profile()).priority(template.priority()).queue(template.queue())
          .user(template.user()).estimateMillis(template.estimateMillis()).deadlineMillis(template.deadlineMillis())
          .constraints(template.constraints()).tolerations(template.tolerations()).affinity(template.affinity())
          .labels(template.labels()).preemptible(template.preemptible()).run(template.run()).build());
    }
    return out;
  }

  /**
   * Stores the job and its tasks, all pending; idempotent by job id. {@code name} is what run-time
   * history is learned under.
   *
   * @throws IllegalArgumentException naming the task for an empty job, a duplicate id, an unknown
   *     dependency or a cycle
   */
  public Job submit(String jobId, String name, List<TaskSpec> tasks, Instant now) {
    return submit(jobId, name, tasks, now, null);
  }

  /**
   * As above, held back until {@code notBefore} (null: runs at once): the tasks join their queues
   * then, and the scheduler passes them over until that time.
   */
  public Job submit(String jobId, String name, List<TaskSpec> tasks, Instant now, Instant notBefore) {
    JobKind kind = check(jobId, tasks);
    SpecJson.Prepared prepared = SpecJson.prepare(tasks, name, NewJob.queuedAt(now, notBefore));
    StoredJob stored = db.jobs().store(new NewJob(jobId, name, kind, prepared.rows(), notBefore), now);
    if (stored.created()) {
      rounds.submitted().add(prepared.asStored());
    }
    rounds.ring();
    return stored.job();
  }

  static JobKind check(String jobId, List<TaskSpec> tasks) {
    if (tasks.isEmpty()) {
      throw new IllegalArgumentException("job " + jobId + " has no tasks");
    }
    Map<String, TaskSpec> byId = new LinkedHashMap<>();
    for (TaskSpec t : tasks) {
      if (byId.put(t.id(), t) != null) {
        throw new IllegalArgumentException("job " + jobId + ": task id " + t.id() + " appears twice");
      }
    }
    boolean dag = false;
    for (TaskSpec t : tasks) {
      for (String d : t.dependsOn()) {
        if (!byId.containsKey(d)) {
          throw new IllegalArgumentException("job " + jobId + ": task " + t.id() + " depends on " + d
              + ", which is not a task of this job");
        }
        dag = true;
      }
    }
    if (dag) {
      findCycle(jobId, byId);
      return JobKind.DAG;
    }
    return tasks.size() == 1 ? JobKind.SINGLE : JobKind.ARRAY;
  }

  /** Depth-first search; the first back edge found is reported as the cycle it closes. */
  private static void findCycle(String jobId, Map<String, TaskSpec> byId) {
    Set<String> done = new HashSet<>();
    Map<String, Integer> onPath = new HashMap<>();
    for (String start : byId.keySet()) {
      visit(jobId, start, byId, done, onPath, new ArrayList<>());
    }
  }

  private static void visit(String jobId, String id, Map<String, TaskSpec> byId, Set<String> done,
                            Map<String, Integer> onPath, List<String> path) {
    if (done.contains(id)) {
      return;
    }
    Integer at = onPath.get(id);
    if (at != null) {
      List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
      cycle.add(id);
      throw new IllegalArgumentException("job " + jobId + ": dependencies form a cycle, "
          + String.join(" -> ", cycle) + " (each waits for the next, so none could start)");
    }
    onPath.put(id, path.size());
    path.add(id);
    for (String d : byId.get(id).dependsOn()) {
      visit(jobId, d, byId, done, onPath, path);
    }
    path.remove(path.size() - 1);
    onPath.remove(id);
    done.add(id);
  }
}
