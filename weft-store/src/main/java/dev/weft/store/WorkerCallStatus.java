package dev.weft.store;

/**
 * Where a call of a {@code worker} service is: waiting for a worker to take it, leased to one,
 * or ended. A lease that runs out (or a failure the service's contract retries) puts it back to
 * waiting; {@code attempt} counts the leases.
 */
public enum WorkerCallStatus {
  WAITING, LEASED, COMPLETED, FAILED, CANCELLED;

  /** Whether the call has ended (nothing moves it again). */
  public boolean ended() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }
}
