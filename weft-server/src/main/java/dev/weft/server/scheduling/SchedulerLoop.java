package dev.weft.server.scheduling;

import dev.weft.scheduler.api.Plan;
import dev.weft.scheduler.api.Planner;
import dev.weft.server.runtime.RuntimeClock;
import dev.weft.store.Database;
import dev.weft.store.LeaseGrant;
import dev.weft.store.StaleVersionException;
import dev.weft.store.TaskChange;
import dev.weft.model.lifecycle.IllegalTaskTransitionException;
import dev.weft.model.lifecycle.TaskEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.ObjLongConsumer;

/**
 * One server's scheduler. Every server runs one; only the holder of the scheduler lease plans. A
 * round: take the lease, or renew it once a third of its time to live has passed since the last
 * renewal (the plan's apply checks the lease in its own transaction either way); mark silent nodes
 * down; read a snapshot from the store; ask the planner; apply the plan in one transaction with
 * optimistic checks; on a conflict read everything afresh and plan again, up to {@code maxAttempts}
 * times. DAG tasks that can never run (a task they depend on failed or was cancelled) are cancelled
 * with the reason; suspended tasks whose node has their CPU again are resumed first. Between rounds the leader follows the tasks by their changes ({@link SnapshotReader}); a
 * server that becomes leader, and one whose round failed, starts from everything the database
 * holds. Time comes from the caller.
 */
public final class SchedulerLoop {
  /** Plans per round before the round gives up (the next round starts afresh). */
  public static final int DEFAULT_MAX_ATTEMPTS = 5;
  private final Database db;
  private final SchedulerLease lease;
  private final SnapshotReader reader;
  private final Planner planner;
  private final PlanApplier applier;
  private final NodeLiveness liveness;
  private final int maxAttempts;
  /** Whether this loop led in its previous round, and since when it has led (a new leader's grace). */
  private boolean ledLastRound;
  private Instant leadingSince;
  /** The lease as last taken or renewed while leading; null when not leading. */
  private LeaseGrant held;

  public SchedulerLoop(Database db, SchedulerLease lease, Planner planner, NodeLiveness liveness, int maxAttempts) {
    this(db, lease, planner, liveness, maxAttempts, RoundBell.NONE.submitted());
  }

  /** As above, taking the specs of tasks submitted through this server from {@code submitted}. */
  public SchedulerLoop(Database db, SchedulerLease lease, Planner planner, NodeLiveness liveness, int maxAttempts,
                       SubmittedSpecs submitted) {
    this(db, lease, planner, liveness, maxAttempts, submitted, new WaitingPolls());
  }

  /** As above, handing placements to the agents' polls waiting in this server ({@link WaitingPolls}). */
  SchedulerLoop(Database db, SchedulerLease lease, Planner planner, NodeLiveness liveness, int maxAttempts,
                SubmittedSpecs submitted, WaitingPolls polls) {
    this.db = db;
    this.lease = lease;
    this.reader = new SnapshotReader(db, submitted);
    this.planner = planner;
    this.applier = new PlanApplier(db, lease, polls);
    this.liveness = liveness;
    this.maxAttempts = maxAttempts;
  }

  /**
   * One round at {@code now}. A round that fails (the database away) ends this server's time as
   * leader as far as node liveness goes: heartbeats were refused meanwhile, so when rounds work
   * again it listens for a whole node timeout before it marks any node down, as a new leader does.
   */
  public RoundResult runOnce(Instant now) {
    try {
      return lead(now);
    } catch (RuntimeException e) {
      ledLastRound = false;
      held = null;
      reader.forget();
      throw e;
    }
  }

  private RoundResult lead(Instant now) {
    Optional<LeaseGrant> grant = renewDue(now) ? lease.acquire(now) : Optional.of(held);
    if (grant.isEmpty()) {
      ledLastRound = false;
      held = null;
      return RoundResult.notLeader();
    }
    held = grant.get();
    long epoch = grant.get().epoch();
    if (!ledLastRound) { // a new leader (a takeover, or this server just started): agents may still be finding it
      ledLastRound = true;
      leadingSince = now;
      reader.forget();
    }
    NodeLiveness.Swept swept = liveness.sweep(now, leadingSince);
    int conflicts = 0;
    boolean resumed = false;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      Snapshot snapshot = reader.read(now);
      if (attempt == 1) {
        cancelUnrunnable(now);
        resumed = resumeSuspended(snapshot, now);
        if (resumed) {
          snapshot = reader.read(now);
        }
      }
      Plan plan = planner.plan(snapshot.view(), snapshot.pending(), now.toEpochMilli());
      try {
        Applied applied = applier.apply(snapshot, plan, grant.get(), now);
        // every task of a full window placed: the tasks that move up into it may fit too
        boolean tookWholeWindow = snapshot.pending().size() >= SnapshotReader.PENDING_LIMIT
            && applied.placed().size() >= snapshot.pending().size();
        return new RoundResult(true, epoch, applied, conflicts, false, swept,
            !applied.preempted().isEmpty() || tookWholeWindow, resumed);
      } catch (StaleVersionException e) {
        conflicts++;
        reader.forget();
      } catch (LeaseLostException e) {
        ledLastRound = false;
        held = null;
        return RoundResult.notLeader();
      }
    }
    return RoundResult.gaveUp(epoch, conflicts, swept, resumed);
  }

  /**
   * Cancels the pending tasks the snapshot found can never run ({@link Dependencies}), each with its
   * reason, one transaction each: a task another server changed meanwhile is left to the next round.
   */
  private void cancelUnrunnable(Instant now) {
    reader.unrunnable().forEach((t, why) -> {
      try {
        db.transactor().inTransaction(() -> db.tasks().apply(TaskChange.of(t.id(), t.version(), TaskEvent.CANCEL, why), now));
      } catch (StaleVersionException | IllegalTaskTransitionException e) {
        // changed meanwhile (cancelled with its job, say): the next round sees it as it is now
      }
    });
  }

  /**
   * Resumes suspended tasks whose node has the CPU for them again (the task they made room for ended),
   * in {@link SnapshotReader#RESUME_ORDER}, before the round plans, so the CPU they gave up goes back
   * to them first. A suspended task waits while a pending task of higher priority waits anywhere (it
   * would be suspended again at once). One transaction each; a task changed meanwhile is left to the
   * next round. True when any resumed.
   */
  private boolean resumeSuspended(Snapshot snapshot, Instant now) {
    if (snapshot.suspended().isEmpty()) {
      return false;
    }
    Map<String, Long> freeCpu = new HashMap<>();
    snapshot.view().nodes().forEach(n -> freeCpu.put(n.id(), n.capacity().cpuMillis()));
    snapshot.view().running().forEach(r -> freeCpu.computeIfPresent(r.nodeId(), (n, f) -> f - r.spec().resources().cpuMillis()));
    int highestWaiting = snapshot.pending().stream().mapToInt(p -> p.spec().priority()).max().orElse(Integer.MIN_VALUE);
    boolean resumed = false;
    for (FollowedTasks.Task t : snapshot.suspended()) {
      long need = t.spec().resources().cpuMillis();
      long free = freeCpu.getOrDefault(t.nodeId(), 0L);
      if (need > free || highestWaiting > t.spec().priority()) {
        continue;
      }
      try {
        db.transactor().inTransaction(() -> db.tasks().apply(TaskChange.of(t.id(), t.version(), TaskEvent.RESUME,
            "resumed: node " + t.nodeId() + " has its cpu again"), now));
        freeCpu.put(t.nodeId(), free - need);
        resumed = true;
      } catch (StaleVersionException | IllegalTaskTransitionException e) {
        // ended or changed meanwhile: the next round sees it as it is now
      }
    }
    return resumed;
  }

  /** Whether the lease must be taken or renewed now: not held, or a third of its time to live gone since. */
  private boolean renewDue(Instant now) {
    return held == null || !now.isBefore(held.expiresAt().minus(lease.ttl().multipliedBy(2).dividedBy(3)));
  }

  /**
   * Runs rounds every {@code interval} on {@code clock} until {@code stop} says so, then releases the
   * lease; a round that passed over a delayed job's tasks runs again when the first of them becomes
   * due, if that comes before the interval is up. A round that fails (the database unreachable, a
   * stored spec that no longer reads) is handed to {@code onError} and the next round runs as usual.
   * Returns early, lease released, when interrupted.
   */
  public void runUntil(RuntimeClock clock, Duration interval, BooleanSupplier stop,
                       Consumer<RuntimeException> onError) {
    runUntil(clock, interval, stop, onError, round -> { });
  }

  /**
   * When the round after one that started at {@code start} starts: after {@code interval}, or
   * sooner when a task this leader passed over as not due yet becomes due before that.
   */
  long nextRound(long start, Duration interval) {
    long next = start + interval.toMillis();
    Optional<Instant> due = ledLastRound ? reader.nextDue() : Optional.empty();
    return due.isPresent() && due.get().toEpochMilli() < next ? Math.max(start, due.get().toEpochMilli()) : next;
  }

  /** As {@link #runUntil(RuntimeClock, Duration, BooleanSupplier, Consumer)}, handing each round's result to {@code afterRound}. */
  public void runUntil(RuntimeClock clock, Duration interval, BooleanSupplier stop,
                       Consumer<RuntimeException> onError, Consumer<RoundResult> afterRound) {
    runUntil(clock, interval, stop, onError, (round, nanos) -> afterRound.accept(round));
  }

  /** As above, also handing how long each round took, in nanoseconds (for metrics). */
  public void runUntil(RuntimeClock clock, Duration interval, BooleanSupplier stop,
                       Consumer<RuntimeException> onError, ObjLongConsumer<RoundResult> afterRound) {
    try {
      while (!stop.getAsBoolean()) {
        long start = clock.nowMillis();
        try {
          long began = System.nanoTime();
          RoundResult round = runOnce(Instant.ofEpochMilli(start));
          afterRound.accept(round, System.nanoTime() - began);
        } catch (RuntimeException e) {
          onError.accept(e);
        }
        clock.sleepUntil(nextRound(start, interval));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lease.release();
    }
  }
}
