package dev.weft.server.runtime;

import dev.weft.store.Outbox;
import dev.weft.store.PendingCommand;
import dev.weft.store.StoreException;
import java.time.Instant;
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

  DispatchCommands(Outbox outbox, CarryOutCommand carryOut, ExecutorService dispatchers, LoopContext loop) {
    this.outbox = outbox;
    this.carryOut = carryOut;
    this.dispatchers = dispatchers;
    this.loop = loop;
    this.settings = loop.settings();
    this.idle = new Semaphore(settings.dispatchers());
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
      LOG.log(System.Logger.Level.WARNING, "claiming commands failed, trying again: " + e.getMessage());
      return 0;
    }
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
      carryOut.carryOut(p);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "carrying out " + p.id() + " failed; it is retried when its lease expires", e);
    } finally {
      inFlight.remove(p.id());
      idle.release();
      loop.bell().ring();
    }
  }
}
