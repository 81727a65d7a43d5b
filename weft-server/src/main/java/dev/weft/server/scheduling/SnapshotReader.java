package dev.weft.server.scheduling;

import dev.weft.model.Node;
import dev.weft.model.TaskSpec;
import dev.weft.model.lifecycle.TaskState;
import dev.weft.scheduler.api.ClusterView;
import dev.weft.scheduler.api.PendingTask;
import dev.weft.scheduler.api.RunningTask;
import dev.weft.scheduler.api.TaskGraph;
import dev.weft.store.ChangeCursor;
import dev.weft.store.ChangedTask;
import dev.weft.store.ChangedTasks;
import dev.weft.store.Database;
import dev.weft.store.NodeRecord;
import dev.weft.store.TaskRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one round's {@link Snapshot} from the store. The tasks are followed between rounds
 * ({@link FollowedTasks}): a round reads only the tasks changed since the last one
 * ({@code TaskStore.changedSince}, which copes with writes committing out of order), and fetches the
 * records of tasks it does not follow yet, unless this server just stored them ({@link SubmittedSpecs}). Everything is read afresh on the first round, after {@link #forget}
 * (the lease taken over, a plan that conflicted, a failed round), every {@link #FULL_READ_AFTER},
 * when a round's changes exceed {@link #CHANGES_LIMIT}, and when a full read that stopped at
 * {@link #PENDING_LIMIT} has fewer than half that many pending tasks left. A change missed (possible
 * on H2 only, see there) makes a plan stale (refused by its version check, then read afresh) or
 * delays a task until the next full read; it never makes a plan wrong. Nodes that are not {@code UP} are left out of the
 * view (their tasks with them); a DAG task waits outside the pending list until every task it
 * depends on has succeeded, and one that never can ({@link Dependencies}) is listed in
 * {@link #unrunnable} for the round to cancel; tasks without an estimate get one from run-time history.
 */
final class SnapshotReader {
  /** The order in which suspended tasks resume: highest priority first, then the oldest submission. */
  static final java.util.Comparator<FollowedTasks.Task> RESUME_ORDER = java.util.Comparator
      .comparingInt((FollowedTasks.Task t) -> -t.spec().priority()).thenComparing(FollowedTasks.Task::submittedAt)
      .thenComparing(FollowedTasks.Task::id);
  /** The most pending tasks one round looks at, oldest first. */
  static final int PENDING_LIMIT = 10_000;
  /** The most changes one round reads; more, and it reads everything afresh. */
  static final int CHANGES_LIMIT = 50_000;
  /** The longest the followed tasks go without a full read. */
  static final Duration FULL_READ_AFTER = Duration.ofSeconds(30);
  private static final int ACTIVE_LIMIT = 1_000_000;
  private final Database db;
  private final SubmittedSpecs submitted;
  private FollowedTasks followed;
  private ChangeCursor cursor;
  private Instant lastFullRead;
  /** Last round's pending specs with their learned estimates, by task id: reused while the estimate holds. */
  private Map<String, TaskSpec> estimated = Map.of();
  /** The pending tasks the last read found can never run, with the reason. */
  private Map<FollowedTasks.Task, String> unrunnable = Map.of();
  /** The earliest time a pending task the last read passed over (a delayed job's) becomes due; null if none. */
  private Instant nextDue;

  /** A reader that fetches every task it does not follow (one-off reads: explaining a task, tests). */
  SnapshotReader(Database db) {
    this(db, RoundBell.NONE.submitted());
  }

  SnapshotReader(Database db, SubmittedSpecs submitted) {
    this.db = db;
    this.submitted = submitted;
  }

  /** The next round reads everything afresh. */
  void forget() {
    followed = null;
    nextDue = null;
  }

  /**
   * When the earliest task the last {@link #read} passed over as not due yet (a delayed job's)
   * becomes due, so a round can start then rather than at the next interval; empty when none.
   */
  Optional<Instant> nextDue() {
    return Optional.ofNullable(nextDue);
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
      FollowedTasks tasks = tasks(now);
      List<RunningTask> running = new ArrayList<>();
      List<FollowedTasks.Task> suspended = new ArrayList<>();
      Set<String> suspendable = new HashSet<>();
      for (FollowedTasks.Task t : tasks.holding()) {
        if (nodeVersions.containsKey(t.nodeId())) {
          Instant since = t.startedAt() != null ? t.startedAt() : t.placedAt();
          if (t.status() == TaskState.SUSPENDED) { // holds its memory, disk and GPUs, not its CPU
            running.add(new RunningTask(SpecJson.withoutCpu(t.spec()), t.nodeId(), since.toEpochMilli()));
            suspended.add(t);
          } else {
            running.add(new RunningTask(t.spec(), t.nodeId(), since.toEpochMilli()));
            if (t.status() == TaskState.RUNNING && t.spec().run() != null && !t.spec().run().isBuiltin()) {
              suspendable.add(t.id());
            }
          }
          taskVersions.put(t.id(), t.version());
        }
      }
      suspended.sort(RESUME_ORDER);
      List<FollowedTasks.Task> waiting = ready(tasks.pending(PENDING_LIMIT), now);
      Map<String, List<Long>> history = db.runtimes().recent(names(waiting), RuntimeEstimator.WINDOW);
      List<PendingTask> pending = new ArrayList<>();
      Map<String, TaskSpec> estimatedNow = new HashMap<>();
      Map<String, Long> learned = new HashMap<>(); // by name: the estimate its history gives, once a round
      for (FollowedTasks.Task t : waiting) {
        List<Long> recent = history.get(t.name());
        long estimate = t.spec().estimateMillis() > 0 || recent == null || recent.isEmpty()
            ? t.spec().estimateMillis() : learned.computeIfAbsent(t.name(), n -> RuntimeEstimator.learned(recent));
        pending.add(new PendingTask(estimated(t, estimate, estimatedNow), 0, t.attempt()));
        taskVersions.put(t.id(), t.version());
      }
      estimated = estimatedNow;
      ClusterView view = new ClusterView(nodes, running, SpecJson.queues(db.queueTree().current()), Map.of(),
          TaskGraph.EMPTY);
      return new Snapshot(view, pending, taskVersions, nodeVersions, suspended, suspendable, tasks::find);
    });
  }

  private FollowedTasks tasks(Instant now) {
    if (followed == null || !now.isBefore(lastFullRead.plus(FULL_READ_AFTER))
        || followed.truncated() && followed.pendingCount() < PENDING_LIMIT / 2) {
      return readAll(now);
    }
    ChangedTasks read = db.tasks().changedSince(cursor, CHANGES_LIMIT);
    List<ChangedTask> changes = read.tasks();
    if (changes.size() == CHANGES_LIMIT) {
      return readAll(now);
    }
    Map<String, FollowedTasks.Task> fetched = new HashMap<>();
    Set<String> toFetch = followed.toFetch(changes);
    for (ChangedTask c : changes) { // a task submitted through this server: its spec is here already
      TaskSpec spec = toFetch.contains(c.id()) ? submitted.take(c.id(), c.submittedAt()) : null;
      if (spec != null) {
        fetched.put(c.id(), FollowedTasks.Task.of(c, spec));
        toFetch.remove(c.id());
      }
    }
    db.tasks().findAll(toFetch).forEach((id, r) -> fetched.put(id, followed(r)));
    followed.apply(changes, fetched);
    cursor = read.next();
    return followed;
  }

  /** The cursor first: a write the full read misses shows up in the next round's changes. */
  private FollowedTasks readAll(Instant now) {
    followed = null;
    ChangeCursor start = db.tasks().changeCursor();
    List<FollowedTasks.Task> holding = new ArrayList<>();
    db.tasks().holding(ACTIVE_LIMIT).forEach(r -> holding.add(followed(r)));
    List<TaskRecord> pendingRecords = db.tasks().withStatus(Set.of(TaskState.PENDING), PENDING_LIMIT);
    List<FollowedTasks.Task> pending = new ArrayList<>();
    pendingRecords.forEach(r -> pending.add(followed(r)));
    followed = new FollowedTasks(pending, pendingRecords.size() == PENDING_LIMIT, holding);
    cursor = start;
    lastFullRead = now;
    return followed;
  }

  private static FollowedTasks.Task followed(TaskRecord r) {
    return FollowedTasks.Task.of(r, SpecJson.task(r));
  }

  /**
   * The task's spec with {@code estimate} ({@link RuntimeEstimator#estimateOf}), as last round's
   * when the estimate is the same.
   */
  private TaskSpec estimated(FollowedTasks.Task t, long estimate, Map<String, TaskSpec> estimatedNow) {
    TaskSpec before = estimated.get(t.id());
    TaskSpec spec = before != null && before.estimateMillis() == estimate ? before
        : RuntimeEstimator.withEstimate(t.spec(), estimate);
    estimatedNow.put(t.id(), spec);
    return spec;
  }

  /** The pending tasks the last {@link #read} found can never run (a dependency failed or was cancelled), with the reason. */
  Map<FollowedTasks.Task, String> unrunnable() {
    return unrunnable;
  }

  /**
   * The pending tasks that are due (queued at or before {@code now}: a delayed job's tasks are
   * queued at its not-before time) and whose dependencies have all succeeded, in the order given;
   * those that never can run are kept in {@link #unrunnable}.
   */
  private List<FollowedTasks.Task> ready(List<FollowedTasks.Task> pending, Instant now) {
    Map<String, TaskState> states = new HashMap<>();
    Set<String> jobsRead = new HashSet<>();
    List<FollowedTasks.Task> out = new ArrayList<>();
    List<FollowedTasks.Task> dependent = new ArrayList<>();
    Instant due = null;
    for (FollowedTasks.Task t : pending) {
      if (t.submittedAt().isAfter(now)) {
        due = due == null || t.submittedAt().isBefore(due) ? t.submittedAt() : due;
        continue; // not due yet
      }
      TaskSpec spec = t.spec();
      if (spec.dependsOn().isEmpty()) {
        out.add(t);
        continue;
      }
      if (jobsRead.add(t.jobId())) {
        db.tasks().ofJob(t.jobId()).forEach(s -> states.put(s.id(), s.status()));
      }
      dependent.add(t);
      if (spec.dependsOn().stream().allMatch(d -> states.get(d) == TaskState.SUCCEEDED)) {
        out.add(t);
      }
    }
    nextDue = due;
    unrunnable = dependent.isEmpty() ? Map.of()
        : Dependencies.unrunnable(dependent, FollowedTasks.Task::id, t -> t.spec().dependsOn(), states);
    return out;
  }

  private static Set<String> names(List<FollowedTasks.Task> tasks) {
    Set<String> names = new HashSet<>();
    tasks.forEach(t -> names.add(t.name()));
    return names;
  }
}
