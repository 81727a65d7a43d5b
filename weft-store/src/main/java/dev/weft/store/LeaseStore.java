package dev.weft.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Named leases with expiry and a fencing epoch (the scheduler lease). A lease row, not an
 * advisory lock, so it works on H2 too and survives the connection that took it.
 */
public interface LeaseStore {
  /**
   * Takes or renews the lease: granted when it is free, expired, or already held by
   * {@code holder} (renewed, same epoch). A new holder gets the epoch after the last one.
   *
   * @return the grant, or empty while another holder's lease runs
   */
  Optional<LeaseGrant> acquire(String name, String holder, Duration ttl, Instant now);

  /**
   * Whether {@code holder} still holds the lease at {@code epoch} and it has not expired at
   * {@code now}. Inside a transaction this locks the lease row until commit, so no takeover can
   * commit in between: call it first in the transaction that applies a plan (fencing).
   */
  boolean holds(String name, String holder, long epoch, Instant now);

  /** Gives the lease up at once if {@code holder} has it (a clean shutdown). */
  void release(String name, String holder);
}
