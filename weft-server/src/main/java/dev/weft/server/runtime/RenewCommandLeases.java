package dev.weft.server.runtime;

import dev.weft.server.outage.FailureStreak;
import dev.weft.store.Outbox;
import dev.weft.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The lease keeper: every third of the command lease it extends the leases of the commands this
 * engine is carrying out, so a command that runs longer than its lease (a slow http call, a
 * recording that waits for the database) is not claimed and carried out again by another engine.
 * A lease that ran out before it could be renewed (the database was away longer than the lease
 * left) is not taken back; the command may then be carried out twice, with the same idempotency
 * key, and only the first result is recorded ({@link Recorder#commandEnded}).
 */
final class RenewCommandLeases implements Runnable {
  private static final System.Logger LOG = System.getLogger(RenewCommandLeases.class.getName());

  private final Outbox outbox;
  private final Supplier<Set<String>> carryingOut;
  private final LoopContext loop;
  private final FailureStreak failures = FailureStreak.logging("renewing command leases", LOG);

  /** {@code carryingOut}: the ids of the commands this engine's dispatchers hold right now. */
  RenewCommandLeases(Outbox outbox, Supplier<Set<String>> carryingOut, LoopContext loop) {
    this.outbox = outbox;
    this.carryingOut = carryingOut;
    this.loop = loop;
  }

  /** How often leases are renewed: a third of the lease, so two renewals may fail before one runs out. */
  Duration every() {
    return loop.settings().commandLease().dividedBy(3);
  }

  @Override
  public void run() {
    try {
      while (loop.goOn()) {
        renewOnce();
        loop.bell().await(every());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Renews the leases of what is being carried out now; returns the ids whose lease ran out before it could be. */
  Set<String> renewOnce() {
    Set<String> held = Set.copyOf(carryingOut.get());
    if (held.isEmpty()) {
      return Set.of();
    }
    Set<String> renewed;
    try {
      renewed = outbox.renew(loop.settings().owner(), held, loop.settings().commandLease(),
          Instant.ofEpochMilli(loop.clock().nowMillis()));
      failures.succeeded();
    } catch (StoreException e) {
      failures.failed(e);
      return Set.of();
    }
    Set<String> lost = new HashSet<>(held);
    lost.removeAll(renewed); // renewed, or done by this engine meanwhile
    lost.retainAll(carryingOut.get());
    if (!lost.isEmpty()) {
      LOG.log(System.Logger.Level.WARNING, lost.size() + " command lease(s) ran out before they could be renewed, e.g. "
          + lost.iterator().next() + ": another engine may carry them out again (same idempotency key)");
    }
    return lost;
  }
}
