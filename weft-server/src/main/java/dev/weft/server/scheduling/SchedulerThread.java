package dev.weft.server.scheduling;

import dev.weft.scheduler.CorePlanner;
import dev.weft.server.outage.FailureStreak;
import dev.weft.server.runtime.RuntimeClock;
import dev.weft.store.Database;
import java.time.Duration;

/**
 * The scheduler loop of one {@code weft server} on its own thread: a round when its
 * {@link RoundBell} rings (a submission, a task ended, a node joined) and at the latest every
 * {@link SchedulingSettings#round()}, the lease held as {@link SchedulingSettings#holder()}, silent
 * nodes swept inside each round. A round that could place more at once without anything else
 * changing ({@link RoundResult#mayPlaceMore}) rings the round bell again, so rounds run back to back
 * while there is work to place (still one round at a time); anything else that frees room or adds
 * work rings it itself. A round that placed or preempted tasks rings the {@link WorkBell}, so
 * waiting agents hear of the placements, and of the runs to stop, at once. {@link #close} stops it and
 * releases the lease.
 */
public final class SchedulerThread implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(SchedulerThread.class.getName());
  private final Thread thread;
  private volatile boolean stopping;

  private final RoundBell rounds;
  private final SchedulerStats stats = new SchedulerStats();

  private SchedulerThread(Database db, SchedulingSettings settings, NodeLiveness liveness, WorkBell bell,
                          RoundBell rounds, FailureStreak failures) {
    this.rounds = rounds;
    SchedulerLease lease = new SchedulerLease(db.leases(), settings.holder(), settings.leaseTtl());
    SchedulerLoop loop = new SchedulerLoop(db, lease, new CorePlanner(settings.plannerConfig()), liveness,
        SchedulerLoop.DEFAULT_MAX_ATTEMPTS, rounds.submitted(), bell.waitingPolls());
    this.thread = new Thread(() -> {
      try {
        loop.runUntil(wakeOnClose(), settings.round(), () -> stopping, failures::failed, (round, nanos) -> {
          stats.record(round, nanos);
          failures.succeeded();
          reportSwept(round.swept());
          if (round.agentsHaveNews()) {
            bell.ring(); // new work, a victim to stop, a run to resume: waiting polls look again at once
          }
          if (round.mayPlaceMore()) {
            rounds.ringHere(); // this server's own pacing: the others have nothing to do with it
          }
        });
      } catch (RuntimeException e) { // releasing the lease failed (the database went first): it expires by itself
        failures.failed(e);
      }
    }, "weft-scheduler");
    thread.setDaemon(true);
  }

  /** What this server's scheduler has done so far. */
  public SchedulerStats stats() {
    return stats;
  }

  /** One line per node marked down: an operator wants to know, and tests read it. */
  private static void reportSwept(NodeLiveness.Swept swept) {
    if (swept != null && !swept.nodesDown().isEmpty()) {
      LOG.log(System.Logger.Level.WARNING, "node(s) " + swept.nodesDown() + " missed their heartbeats: marked down, "
          + swept.requeued().size() + " task(s) queued again, " + swept.failed().size() + " failed");
    }
  }

  /**
   * Starts the thread. A failed round (the database away) is counted in {@code failures}, which
   * logs the first of a streak and the recovery; the next round runs as usual.
   */
  public static SchedulerThread start(Database db, SchedulingSettings settings, NodeLiveness liveness, WorkBell bell,
                                      FailureStreak failures) {
    return start(db, settings, liveness, bell, new RoundBell(), failures);
  }

  /** As above, a round also starting as soon as {@code rounds} rings. */
  public static SchedulerThread start(Database db, SchedulingSettings settings, NodeLiveness liveness, WorkBell bell,
                                      RoundBell rounds, FailureStreak failures) {
    SchedulerThread t = new SchedulerThread(db, settings, liveness, bell, rounds, failures);
    t.thread.start();
    return t;
  }

  /**
   * Stops after the current round (a pause between rounds ends at once) and waits for the lease to
   * be released. The thread is not interrupted: H2 closes its database file when a thread is
   * interrupted in the middle of file I/O, which broke every other thread of the server (and could
   * leave H2's threads spinning on the closed store, so the server never finished closing).
   */
  @Override
  public void close() {
    stopping = true;
    rounds.ringHere();
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The system clock, whose pauses a ring of the round bell or {@link #close} cut short without an interrupt. */
  private RuntimeClock wakeOnClose() {
    return new RuntimeClock() {
      @Override
      public long nowMillis() {
        return System.currentTimeMillis();
      }

      @Override
      public void sleepUntil(long millis) throws InterruptedException {
        long wait = millis - System.currentTimeMillis();
        if (wait > 0 && !stopping) {
          rounds.await(Duration.ofMillis(wait));
        }
      }
    };
  }
}
