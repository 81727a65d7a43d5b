package dev.weft.server.runtime;

import dev.weft.server.outage.FailureStreak;
import dev.weft.store.Outbox;
import dev.weft.store.PendingCommand;
import dev.weft.store.StoreException;
import dev.weft.store.StoreUnavailableException;
import java.time.Instant;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;

/**
 * The claim loop: leases as many pending outbox entries as there are idle dispatcher threads
 * ({@code FOR UPDATE SKIP LOCKED}, so engines sharing a database never get the same entry while
 * its lease runs) and hands each to a dispatcher. An entry this process is still carrying out is
 * not handed out twice, even when its lease ran out and it was claimed again.
 */
final class DispatchCommands implements Runnable {
  private static final System.Logger LOG = System.getLogger(DispatchCommands.class.getName());

  private final Outbox outbox;
  private final CarryOutCommand carryOut;
  private final ExecutorService dispatchers;
  private final LoopContext loop;
  private final EngineSettings settings;
  private final Semaphore idle;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final FailureStreak claims = FailureStreak.logging("claiming commands", LOG);
  private final FailureStreak reads = FailureStreak.logging("reading commands to carry out", LOG);

  DispatchCommands(Outbox outbox, CarryOutCommand carryOut, ExecutorService dispatchers, LoopContext loop) {
    this.outbox = outbox;
    this.carryOut = carryOut;
    this.dispatchers = dispatchers;
    this.loop = loop;
    this.settings = loop.settings();
    this.idle = new Semaphore(settings.dispatchers());
  }

  /** The ids of the entries the dispatchers hold now (a live view). */
  Set<String> carryingOut() {
    return Collections.unmodifiableSet(inFlight);
  }

  @Override
  public void run() {
    try {
      while (loop.goOn()) {
        int free = Math.min(idle.availablePermits(), settings.claimBatch());
        if (free == 0 || claimAndHandOut(free) < free) {
          loop.idle();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Returns how many entries were claimed. */
  private int claimAndHandOut(int max) throws InterruptedException {
    List<PendingCommand> claimed;
    try {
      claimed = outbox.claim(settings.owner(), settings.commandLease(), Instant.ofEpochMilli(loop.clock().nowMillis()), max);
    } catch (StoreException e) {
      loop.bell().await(claims.failed(e));
      return 0;
    }
    claims.succeeded();
    for (PendingCommand p : claimed) {
      if (inFlight.add(p.id())) {
        idle.acquire();
        dispatchers.execute(() -> dispatch(p));
      }
    }
    return claimed.size();
  }

  private void dispatch(PendingCommand p) {
    try {
      carryOutWhileLeased(p);
    } catch (CommandAbandonedException e) {
      LOG.log(System.Logger.Level.INFO, e.getMessage() + "; it is carried out again when its lease expires");
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "carrying out " + p.id() + " failed; it is retried when its lease expires", e);
    } finally {
      inFlight.remove(p.id());
      idle.release();
      loop.bell().ring();
    }
  }

  /**
   * Carries {@code p} out; while the database is away before the effect (reading what to send
   * fails) it tries again with backoff for up to half the command lease, then leaves the entry to
   * its lease. Once the effect happened, recording it waits for the database itself
   * ({@link CommitWithRetry}).
   */
  private void carryOutWhileLeased(PendingCommand p) {
    long giveUpAt = loop.clock().nowMillis() + settings.commandLease().toMillis() / 2;
    while (true) {
      try {
        carryOut.carryOut(p);
        reads.succeeded();
        return;
      } catch (StoreUnavailableException e) {
        Duration wait = reads.failed(e);
        if (!loop.goOn() || loop.clock().nowMillis() + wait.toMillis() > giveUpAt) {
          return;
        }
        try {
          Thread.sleep(wait);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
