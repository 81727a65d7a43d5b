package dev.weft.server.scheduling;

import dev.weft.model.Node;
import dev.weft.model.Resources;
import dev.weft.model.TaskRun;
import dev.weft.model.TaskSpec;
import dev.weft.model.TopologyPath;
import dev.weft.model.lifecycle.IllegalTaskTransitionException;
import dev.weft.model.lifecycle.TaskEvent;
import dev.weft.model.lifecycle.TaskState;
import dev.weft.store.Database;
import dev.weft.store.NodeRecord;
import dev.weft.store.StaleVersionException;
import dev.weft.store.TaskChange;
import dev.weft.store.TaskRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's side of the agent protocol, without HTTP: a node joins (registered, counts as a
 * heartbeat), says it is alive, long-polls for the tasks placed on it, and reports what became of
 * them. Reports are matched by {@link RunId}: a report about another node's task or about an
 * attempt that was since lost and queued again changes nothing and is answered as ignored, with
 * the reason; so is a repeated report (a batch the agent sent again after a lost answer).
 */
public final class AgentDesk {
  /** The label a node's resource enforcement is kept under, so tasks can ask for fenced nodes. */
  public static final String ENFORCEMENT_LABEL = "weft.dev/enforcement";
  private static final System.Logger LOG = System.getLogger(AgentDesk.class.getName());
  /** How often the store is read again while a poll waits with no bell (work placed by another server). */
  /** How long a handed-out task may stay unstarted and unlisted by its agent before it is queued again. */
  public static final Duration UNDELIVERED = Duration.ofSeconds(60);
  static final Duration RECHECK = Duration.ofSeconds(1);
  /** How often a poll or report is written down as a node's sign of life, at most. */
  static final Duration SIGN_OF_LIFE_EVERY = Duration.ofSeconds(1);
  /** How long an order handed to an agent is not handed out again (a killed run stays listed while it stops). */
  static final Duration RESEND_AFTER = Duration.ofSeconds(10);

  /** One task to start: the agent's run id, what to run, and the resources it was placed with. */
  public record Start(RunId runId, TaskRun run, Resources resources) {}

  /** A run the agent should stop: it is no longer this node's (finished, cancelled, preempted, lost, moved). */
  public record Kill(String runId, String reason) {}

  /**
   * What a poll hands out: runs to start and to kill, and runs to suspend (suspended by a plan, still
   * going on the agent) or resume (resumed by the scheduler, still suspended on the agent).
   */
  public record Work(List<Start> starts, List<Kill> kills, List<String> suspends, List<String> resumes) {
    public Work(List<Start> starts, List<Kill> kills) {
      this(starts, kills, List.of(), List.of());
    }

    public boolean isEmpty() {
      return starts.isEmpty() && kills.isEmpty() && suspends.isEmpty() && resumes.isEmpty();
    }
  }

  /** One status change reported by an agent; a task's end may carry the tails of its output (else null). */
  public record Change(RunId runId, String state, Integer exitCode, String detail, String stdoutTail, String stderrTail) {
    public Change(RunId runId, String state, Integer exitCode, String detail) {
      this(runId, state, exitCode, detail, null, null);
    }
  }

  /** A change that changed nothing, and why. */
  public record Ignored(String runId, String reason) {}

  private final Database db;
  private final NodeLiveness liveness;
  private final ApplyReport reports;
  private final WorkBell bell;
  private final WaitingPolls waiting;
  private final RoundBell rounds;
  private final InstantSource clock;
  private final TaskSecrets secrets;
  /** Runs to stop, by node, found at heartbeats and handed out by the next poll (kept in this server only). */
  private final Map<String, Map<String, String>> toKill = new ConcurrentHashMap<>();
  /** Runs to suspend and to resume, by node, found at heartbeats like the kills. */
  private final Map<String, Set<String>> toSuspend = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> toResume = new ConcurrentHashMap<>();
  /** The orders (kill, suspend, resume of a run) handed to each node lately, and when. */
  private final Map<String, Map<String, Instant>> handedOut = new ConcurrentHashMap<>();
  /** How often a waiting poll reads the store again with no ring: {@link #RECHECK}, longer in tests. */
  private volatile Duration recheck = RECHECK;
  /** When this server last wrote down a poll or report as each node's sign of life. */
  private final Map<String, Instant> lastSignOfLife = new ConcurrentHashMap<>();

  public AgentDesk(Database db, NodeLiveness liveness, WorkBell bell, InstantSource clock) {
    this(db, liveness, bell, RoundBell.NONE, clock, TaskSecrets.NONE);
  }

  /** @param secrets puts the secrets of workflow tasks into the runs handed out and masks them in what agents report */
  public AgentDesk(Database db, NodeLiveness liveness, WorkBell bell, InstantSource clock, TaskSecrets secrets) {
    this(db, liveness, bell, RoundBell.NONE, clock, secrets);
  }

  /**
   * As above; a node joining and a report that ends a task (freeing its resources) ring
   * {@code rounds}, so the scheduler places waiting work at once.
   */
  public AgentDesk(Database db, NodeLiveness liveness, WorkBell bell, RoundBell rounds, InstantSource clock,
                   TaskSecrets secrets) {
    this.db = db;
    this.rounds = rounds;
    this.liveness = liveness;
    this.reports = new ApplyReport(db, secrets);
    this.bell = bell;
    this.waiting = bell.waitingPolls();
    this.clock = clock;
    this.secrets = secrets;
  }

  /** Tests: a waiting poll reads the store again with no ring only every {@code every}. */
  AgentDesk recheckingEvery(Duration every) {
    this.recheck = every;
    return this;
  }

  /** Registers (or updates) the node named {@code name}; a node that was down is up again. */
  public NodeRecord join(String name, TopologyPath topology, Resources capacity, Map<String, String> labels,
                         String enforcement) {
    Map<String, String> all = new LinkedHashMap<>(labels);
    if (enforcement != null) {
      all.put(ENFORCEMENT_LABEL, enforcement);
    }
    NodeRecord node = db.nodes().register(SpecJson.newNode(new Node(name, capacity, all, List.of(), topology)),
        clock.instant());
    rounds.ring();
    return node;
  }

  /**
   * False for a node the server does not know (the agent then joins again). A task handed out to
   * this node more than {@link #UNDELIVERED} ago that is still only placed and that the agent does
   * not list as running never reached it (the poll's answer was lost): it is lost and queued again,
   * its attempt counted.
   */
  public boolean heartbeat(String nodeId, Set<String> running) {
    return heartbeat(nodeId, running, Set.of());
  }

  /**
   * As above, {@code suspended} naming the runs the agent holds suspended: a run the store has
   * suspended that still goes on there is to be suspended, and one the store has resumed that is
   * still suspended there is to be resumed (handed out by the next poll, as kills are).
   */
  public boolean heartbeat(String nodeId, Set<String> running, Set<String> suspended) {
    Instant now = clock.instant();
    boolean known = liveness.heartbeat(nodeId, now);
    if (known) {
      findRunsToKill(nodeId, running, suspended);
      for (TaskRecord t : db.tasks().onNode(nodeId)) {
        if (t.status() == TaskState.PLACED && t.sentAt() != null && t.sentAt().isBefore(now.minus(UNDELIVERED))
            && !running.contains(new RunId(t.id(), t.attempt()).toString())) {
          requeueUndelivered(t, nodeId, now);
        }
      }
    }
    return known;
  }

  /**
   * Compares the runs the agent lists with the tasks the store holds on its node (one read; a run
   * not held there is read by itself, for the reason) and queues what the next poll hands out:
   * kills of runs no longer this node's, suspends and resumes where the agent and the store disagree.
   */
  private void findRunsToKill(String nodeId, Set<String> running, Set<String> suspended) {
    if (running.isEmpty()) {
      return;
    }
    Map<String, TaskRecord> here = new HashMap<>();
    db.tasks().onNode(nodeId).forEach(t -> here.put(t.id(), t));
    for (String id : running) {
      RunId run;
      try {
        run = RunId.of(id);
      } catch (IllegalArgumentException e) {
        continue; // not a run this server handed out
      }
      TaskRecord held = here.get(run.taskId());
      if (held != null && held.attempt() == run.attempt()) {
        if (held.status() == TaskState.SUSPENDED && !suspended.contains(id)) {
          toSuspend.computeIfAbsent(nodeId, n -> ConcurrentHashMap.newKeySet()).add(id);
        } else if (held.status() == TaskState.RUNNING && suspended.contains(id)) {
          toResume.computeIfAbsent(nodeId, n -> ConcurrentHashMap.newKeySet()).add(id);
        }
        continue;
      }
      Optional<TaskRecord> t = held != null ? Optional.of(held) : db.tasks().find(run.taskId());
      String why = t.isEmpty() ? "no task " + run.taskId()
          : !nodeId.equals(t.get().nodeId()) || t.get().attempt() != run.attempt()
              ? "task " + run.taskId() + " is now attempt " + t.get().attempt() + " in state " + t.get().status()
                  + (t.get().nodeId() == null ? "" : " on node " + t.get().nodeId())
              : "task " + run.taskId() + " is " + t.get().status();
      toKill.computeIfAbsent(nodeId, n -> new ConcurrentHashMap<>()).put(id, why);
    }
  }

  private void requeueUndelivered(TaskRecord t, String nodeId, Instant now) {
    String why = "handed to node " + nodeId + " at " + t.sentAt() + " but never started there";
    try {
      db.transactor().inTransaction(() -> {
        TaskRecord lost = db.tasks().apply(TaskChange.of(t.id(), t.version(), TaskEvent.LOSE, why), now);
        return db.tasks().apply(TaskChange.of(t.id(), lost.version(), TaskEvent.REQUEUE, why), now);
      });
      LOG.log(System.Logger.Level.WARNING, "task " + t.id() + " attempt " + t.attempt() + " " + why + ": queued again");
    } catch (IllegalTaskTransitionException | StaleVersionException e) {
      // reported or changed meanwhile: nothing written, nothing to do
    }
  }

  /**
   * A poll or a report is a sign of life as good as a heartbeat: records it as one (one update,
   * without the heartbeat's check of the running tasks), so a node whose heartbeat is late behind
   * slow work is not marked down while it talks to the server. A sign within {@link #SIGN_OF_LIFE_EVERY}
   * of the last one this server recorded for the node is not written again (a busy agent polls and
   * reports many times a second; a node is marked down only after seconds of silence). False for a
   * node the server does not know.
   */
  public boolean seen(String nodeId) {
    Instant now = clock.instant();
    Instant last = lastSignOfLife.get(nodeId);
    if (last != null && now.isBefore(last.plus(SIGN_OF_LIFE_EVERY)) && !now.isBefore(last)) {
      return true;
    }
    boolean known = liveness.heartbeat(nodeId, now);
    if (known) {
      lastSignOfLife.put(nodeId, now);
    }
    return known;
  }

  /**
   * The tasks placed on {@code nodeId} not yet handed out, at most {@code maxStarts}, waiting up to
   * {@code wait} for some to be placed. A placed task with nothing to run fails at once (it is not
   * handed out), and so does a workflow task whose secrets this server does not have. Each task's environment also has {@code WEFT_TASK_ID}, {@code WEFT_JOB_ID} and
   * {@code WEFT_ATTEMPT}. Runs found at a heartbeat that are no longer this node's come along as kills.
   */
  public Work poll(String nodeId, int maxStarts, Duration wait) throws InterruptedException {
    return poll(nodeId, maxStarts, wait, Set.of(), Set.of());
  }

  /**
   * As above, for an agent that lists the runs it has going ({@code running}) and those of them it
   * holds suspended: they are compared with the store when the poll begins and each time it wakes
   * (a ring, or every {@link #RECHECK}), so a run cancelled, preempted, suspended or resumed while
   * the agent waits is answered at once with its order, not at the next heartbeat. An order is
   * handed out once per {@link #RESEND_AFTER} (a killed run stays listed while it stops).
   */
  public Work poll(String nodeId, int maxStarts, Duration wait, Set<String> running, Set<String> suspended)
      throws InterruptedException {
    Instant deadline = clock.instant().plus(wait);
    List<WaitingPolls.Handed> handed = List.of();
    while (true) {
      findRunsToKill(nodeId, running, suspended);
      List<Kill> kills = new ArrayList<>();
      Map<String, String> due = toKill.remove(nodeId);
      if (due != null) {
        due.forEach((run, why) -> {
          if (firstOrder(nodeId, "kill " + run)) {
            kills.add(new Kill(run, why));
          }
        });
      }
      List<Start> starts = new ArrayList<>();
      for (WaitingPolls.Handed h : handed) { // placed and marked taken by this server's scheduler while we waited
        start(h.record(), h.spec()).ifPresent(starts::add);
      }
      int room = maxStarts - handed.size();
      if (room > 0) {
        List<TaskRecord> taken = db.tasks().poll(nodeId, clock.instant(), room, false);
        Map<String, TaskSpec> specs = specs(taken);
        for (TaskRecord t : taken) {
          start(t, specs.get(t.id())).ifPresent(starts::add);
        }
      }
      Work work = new Work(starts, kills, orders(nodeId, toSuspend, "suspend "), orders(nodeId, toResume, "resume "));
      Duration left = Duration.between(clock.instant(), deadline);
      if (!work.isEmpty() || left.isNegative() || left.isZero() || bell.closed()) { // closed: the server is stopping
        return work;
      }
      handed = waitForWork(nodeId, maxStarts, left.compareTo(recheck) < 0 ? left : recheck);
    }
  }

  /**
   * Waits for the next ring or {@code max}; a poll with room for starts waits as one of the
   * {@link WaitingPolls}, and gets what this server's scheduler placed on its node meanwhile.
   */
  private List<WaitingPolls.Handed> waitForWork(String nodeId, int maxStarts, Duration max)
      throws InterruptedException {
    long seen = bell.rings(); // before the poll is known to the scheduler: its ring after a hand-out is not missed
    if (maxStarts < 1) {
      bell.awaitAfter(seen, max);
      return List.of();
    }
    WaitingPolls.Waiter waiter = waiting.register(nodeId, maxStarts);
    try {
      bell.awaitAfter(seen, max);
    } catch (InterruptedException e) {
      waiting.leave(waiter); // what was handed to it meanwhile is left to the undelivered check
      throw e;
    }
    return waiting.leave(waiter);
  }

  /** The orders of one kind queued for {@code nodeId}, less those handed out within {@link #RESEND_AFTER}. */
  private List<String> orders(String nodeId, Map<String, Set<String>> queued, String kind) {
    Set<String> runs = queued.remove(nodeId);
    return runs == null ? List.of() : runs.stream().filter(r -> firstOrder(nodeId, kind + r)).sorted().toList();
  }

  /** Whether {@code order} goes out now: not handed to {@code nodeId} within {@link #RESEND_AFTER}. Forgets older ones. */
  private boolean firstOrder(String nodeId, String order) {
    Instant now = clock.instant();
    Map<String, Instant> sent = handedOut.computeIfAbsent(nodeId, n -> new ConcurrentHashMap<>());
    sent.values().removeIf(at -> !at.isAfter(now.minus(RESEND_AFTER)));
    return sent.putIfAbsent(order, now) == null;
  }

  /**
   * The specs of tasks polled without them: as this server last read or stored them (a stored spec
   * never changes), the others read from the store in one query.
   */
  private Map<String, TaskSpec> specs(List<TaskRecord> polled) {
    Map<String, TaskSpec> out = new HashMap<>();
    List<String> missing = new ArrayList<>();
    for (TaskRecord t : polled) {
      TaskSpec kept = SpecJson.kept(t.id(), t.submittedAt());
      if (kept != null) {
        out.put(t.id(), kept);
      } else {
        missing.add(t.id());
      }
    }
    if (!missing.isEmpty()) {
      db.tasks().findAll(missing).forEach((id, r) -> out.put(id, SpecJson.task(r)));
    }
    return out;
  }

  private Optional<Start> start(TaskRecord t, TaskSpec spec) {
    if (spec == null) { // not found again: cannot happen, tasks are never deleted
      throw new IllegalStateException("task " + t.id() + " was handed out but its row is gone");
    }
    if (spec.run() == null) {
      apply(t, new TaskChange(t.id(), t.version(), TaskEvent.FAIL, null, null,
          "the task has no 'run' (command, argv or builtin): there is nothing for an agent to run"));
      return Optional.empty();
    }
    TaskRun revealed;
    try {
      revealed = secrets.reveal(t.id(), spec.run());
    } catch (TaskSecrets.Unavailable e) {
      apply(t, new TaskChange(t.id(), t.version(), TaskEvent.FAIL, null, null, e.getMessage()));
      return Optional.empty();
    }
    Map<String, String> env = new LinkedHashMap<>(revealed.env());
    env.put("WEFT_TASK_ID", t.id());
    env.put("WEFT_JOB_ID", t.jobId());
    env.put("WEFT_ATTEMPT", Integer.toString(t.attempt()));
    TaskRun run = new TaskRun(revealed.builtin(), revealed.argv(), env, revealed.timeoutMillis(), revealed.stdin());
    return Optional.of(new Start(new RunId(t.id(), t.attempt()), run, spec.resources()));
  }

  /**
   * Applies the changes in order (one transaction for the whole report, see {@link ApplyReport});
   * returns those that changed nothing, with the reason.
   */
  public List<Ignored> report(String nodeId, List<Change> changes) {
    List<Ignored> ignored = reports.apply(nodeId, changes, clock.instant());
    if (changes.stream().anyMatch(c -> !"RUNNING".equals(c.state()))) {
      rounds.ring();
    }
    return ignored;
  }

  private TaskRecord apply(TaskRecord t, TaskChange change) {
    return db.transactor().inTransaction(() -> db.tasks().apply(change, clock.instant()));
  }

}
