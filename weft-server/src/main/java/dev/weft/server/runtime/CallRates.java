package dev.weft.server.runtime;

import dev.weft.server.services.ServiceDefinition;
import dev.weft.store.Database;
import dev.weft.store.Outbox;
import dev.weft.store.PendingCommand;
import dev.weft.store.ServiceRates;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code contract.rateLimit}: a call of a rate-limited service starts no earlier than the start it
 * reserved ({@link ServiceRates}), so the service's calls start at most at its rate (after the burst
 * it allows), in the order they arrived, by all the servers together. A call whose start lies ahead is parked
 * in the outbox until then, holding no thread. Runs inside the caller's unit of work.
 */
final class CallRates {
  /** How long after its start a call's reserved time is kept (a call carried out again within it keeps its time). */
  static final Duration KEPT = Duration.ofHours(1);
  private final ServiceRates rates;
  private final Outbox outbox;

  CallRates(Database db) {
    this.rates = db.serviceRates();
    this.outbox = db.outbox();
  }

  /** Whether the service limits the rate of its calls at all. */
  static boolean limited(ServiceDefinition s) {
    return s.contract().startIntervalMillis() > 0;
  }

  /** True when the call {@code p} of {@code s} may start now; false when its start lies ahead (its entry parked until then). */
  boolean due(PendingCommand p, ServiceDefinition s, long now) {
    Instant start = start(p, s, now);
    if (start.toEpochMilli() > now) {
      outbox.park(p.id(), start);
      return false;
    }
    return true;
  }

  /**
   * The start the call {@code p} of {@code s} reserved (reserved now, or kept from when it was
   * first taken up): {@code weft run}, which carries out one call at a time, waits for it.
   */
  Instant start(PendingCommand p, ServiceDefinition s, long now) {
    return rates.reserve(s.name(), p.id(), s.contract().startIntervalMillis(), s.contract().rateBurst(),
        Instant.ofEpochMilli(now));
  }

  /** Forgets the starts of calls that started more than {@link #KEPT} ago. */
  int forgetOld(long now) {
    return rates.forget(Instant.ofEpochMilli(now).minus(KEPT));
  }
}
