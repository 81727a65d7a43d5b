package dev.weft.server.runtime;

import dev.weft.server.services.ServiceDefinition;
import dev.weft.store.Database;
import dev.weft.store.Outbox;
import dev.weft.store.PendingCommand;
import dev.weft.store.ServiceSlots;
import dev.weft.store.StoreException;
import dev.weft.store.Transactor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code contract.concurrency}: a call of a limited service is carried out only while it holds one
 * of the service's slots ({@link ServiceSlots}), from when a dispatcher takes it up until its
 * outcome is recorded (a task's, a worker's, a child instance's, or the call's own; retries and
 * their waits included). A call that finds every slot taken is parked in the outbox, holding no
 * thread, until a call of the same service gives its slot back; the slot goes to the oldest
 * waiting call, whose entry is then made claimable again. Each method runs inside the caller's
 * unit of work, so a slot changes hands in the same transaction as the outcome that frees it.
 */
public final class CallSlots {
  /**
   * How long a waiting call stays parked before a dispatcher looks at it again even unwoken: a
   * safety net only (a slot given back always wakes the next call in line).
   */
  static final Duration PARKED = Duration.ofMinutes(5);
  private static final System.Logger LOG = System.getLogger(CallSlots.class.getName());
  private final ServiceSlots slots;
  private final Outbox outbox;
  private final Transactor tx;

  public CallSlots(Database db) {
    this.slots = db.serviceSlots();
    this.outbox = db.outbox();
    this.tx = db.transactor();
  }

  /** Whether the service limits its calls at all. */
  static boolean limited(ServiceDefinition s) {
    return s.contract().concurrency() > 0;
  }

  /**
   * True when the call {@code p} of {@code s} holds a slot (just taken or held already); false when
   * it waits for one, its entry parked. Slots free beyond the waiting calls (a raised limit) are
   * handed to them on the way.
   */
  boolean admitted(PendingCommand p, ServiceDefinition s, long now) {
    ServiceSlots.Taken t = slots.take(s.name(), p.id(), p.instanceId(), s.contract().concurrency(), Instant.ofEpochMilli(now));
    outbox.wake(t.handedOver());
    if (t.admission() == ServiceSlots.Admission.WAITING) {
      outbox.park(p.id(), Instant.ofEpochMilli(now).plus(PARKED));
      return false;
    }
    return true;
  }

  /** The call {@code commandId} ended: its slot (or place in line) is given up, and the next call in line woken. */
  void release(String commandId, long now) {
    outbox.wake(slots.release(commandId, Instant.ofEpochMilli(now)));
  }

  /** The instance ended: every slot and place its calls had is given up. */
  void releaseInstance(String instanceId, long now) {
    outbox.wake(slots.releaseInstance(instanceId, Instant.ofEpochMilli(now)));
  }

  /**
   * A version of {@code s} was registered: the slots free under its limit (all, when it has none)
   * go to the calls waiting for one at once, in one transaction with waking them, rather than when
   * the next call arrives or ends. A lowered limit takes no slot back: calls holding one finish.
   * A store that fails here is logged, not thrown (the version is stored): the waiting calls are
   * then let in as calls arrive or end, or when their parking runs out.
   */
  public void registered(ServiceDefinition s, Instant now) {
    try {
      tx.inTransaction(() -> {
        outbox.wake(slots.limitChanged(s.name(), s.contract().concurrency(), now));
        return null;
      });
    } catch (StoreException e) {
      LOG.log(System.Logger.Level.WARNING, "could not let waiting calls of service " + s.name()
          + " in under its new limit now (they get in as calls arrive or end): " + e.getMessage());
    }
  }

  /**
   * Gives up the slots of calls whose instance has ended without giving them back (a cancel that
   * raced with the call's admission), in one transaction; returns how many calls were woken.
   */
  int sweep(long now) {
    return tx.inTransaction(() -> {
      List<String> woken = slots.releaseEnded(Instant.ofEpochMilli(now));
      outbox.wake(woken);
      return woken.size();
    });
  }
}
