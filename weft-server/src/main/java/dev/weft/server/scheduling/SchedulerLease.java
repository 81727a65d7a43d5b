package dev.weft.server.scheduling;

import dev.weft.store.LeaseGrant;
import dev.weft.store.LeaseStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The one scheduler lease of a cluster: a lease row with expiry (works on H2 and PostgreSQL alike).
 * The holder renews it every round; a holder that stops (crash, pause, lost database) loses it
 * {@link #ttl} after its last renewal, and the next server to ask takes it with a higher epoch.
 * With a 10 s lease and rounds every second, another server takes over within 11 s of the last
 * renewal. The epoch fences: a plan is applied only while its epoch still holds the lease.
 */
public final class SchedulerLease {
  /** The lease row's name. */
  public static final String NAME = "scheduler";
  /** The default time a lease lasts after its last renewal; takeover within 15 s needs it below that. */
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(10);
  private final LeaseStore leases;
  private final String holder;
  private final Duration ttl;

  /** {@code holder} names this server; it must differ between servers (inject it, e.g. host:pid:uuid). */
  public SchedulerLease(LeaseStore leases, String holder, Duration ttl) {
    this.leases = leases;
    this.holder = holder;
    this.ttl = ttl;
  }

  public String holder() {
    return holder;
  }

  public Duration ttl() {
    return ttl;
  }

  /** Takes or renews the lease; empty while another server holds it. */
  public Optional<LeaseGrant> acquire(Instant now) {
    return leases.acquire(NAME, holder, ttl, now);
  }

  /** Whether {@code grant} still holds at {@code now}; inside a transaction, locks out a takeover until commit. */
  boolean stillHolds(LeaseGrant grant, Instant now) {
    return leases.holds(NAME, holder, grant.epoch(), now);
  }

  /** Gives the lease up (a clean shutdown), so another server need not wait for it to expire. */
  public void release() {
    leases.release(NAME, holder);
  }
}
