package dev.weft.server.scheduling;

import dev.weft.scheduler.api.Plan;
import dev.weft.scheduler.api.Planner;
import dev.weft.server.runtime.RuntimeClock;
import dev.weft.store.Database;
import dev.weft.store.LeaseGrant;
import dev.weft.store.StaleVersionException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One server's scheduler. Every server runs one; only the holder of the scheduler lease plans. A
 * round: take or renew the lease; mark silent nodes down; read a snapshot from the store; ask the
 * planner; apply the plan in one transaction with optimistic checks; on a conflict read and plan
 * again, up to {@code maxAttempts} times. Nothing is kept between rounds, so a server that takes
 * the lease over starts from what the database holds. Time comes from the caller.
 */
public final class SchedulerLoop {
  /** Plans per round before the round gives up (the next round starts afresh). */
  public static final int DEFAULT_MAX_ATTEMPTS = 5;
  private final SchedulerLease lease;
  private final SnapshotReader reader;
  private final Planner planner;
  private final PlanApplier applier;
  private final NodeLiveness liveness;
  private final int maxAttempts;
  /** Whether this loop led in its previous round, and since when it has led (a new leader's grace). */
  private boolean ledLastRound;
  private Instant leadingSince;

  public SchedulerLoop(Database db, SchedulerLease lease, Planner planner, NodeLiveness liveness, int maxAttempts) {
    this.lease = lease;
    this.reader = new SnapshotReader(db);
    this.planner = planner;
    this.applier = new PlanApplier(db, lease);
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
      throw e;
    }
  }

  private RoundResult lead(Instant now) {
    Optional<LeaseGrant> grant = lease.acquire(now);
    if (grant.isEmpty()) {
      ledLastRound = false;
      return RoundResult.notLeader();
    }
    long epoch = grant.get().epoch();
    if (!ledLastRound) { // a new leader (a takeover, or this server just started): agents may still be finding it
      ledLastRound = true;
      leadingSince = now;
    }
    NodeLiveness.Swept swept = liveness.sweep(now, leadingSince);
    int conflicts = 0;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      Snapshot snapshot = reader.read(now);
      Plan plan = planner.plan(snapshot.view(), snapshot.pending(), now.toEpochMilli());
      try {
        return new RoundResult(true, epoch, applier.apply(snapshot, plan, grant.get(), now), conflicts, false, swept);
      } catch (StaleVersionException e) {
        conflicts++;
      } catch (LeaseLostException e) {
        ledLastRound = false;
        return RoundResult.notLeader();
      }
    }
    return RoundResult.gaveUp(epoch, conflicts, swept);
  }

  /**
   * Runs rounds every {@code interval} on {@code clock} until {@code stop} says so, then releases the
   * lease. A round that fails (the database unreachable, a stored spec that no longer reads) is
   * handed to {@code onError} and the next round runs as usual. Returns early, lease released, when
   * interrupted.
   */
  public void runUntil(RuntimeClock clock, Duration interval, BooleanSupplier stop,
                       Consumer<RuntimeException> onError) {
    runUntil(clock, interval, stop, onError, round -> { });
  }

  /** As {@link #runUntil(RuntimeClock, Duration, BooleanSupplier, Consumer)}, handing each round's result to {@code afterRound}. */
  public void runUntil(RuntimeClock clock, Duration interval, BooleanSupplier stop,
                       Consumer<RuntimeException> onError, Consumer<RoundResult> afterRound) {
    try {
      while (!stop.getAsBoolean()) {
        long start = clock.nowMillis();
        try {
          afterRound.accept(runOnce(Instant.ofEpochMilli(start)));
        } catch (RuntimeException e) {
          onError.accept(e);
        }
        clock.sleepUntil(start + interval.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lease.release();
    }
  }
}
