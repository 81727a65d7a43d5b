package dev.weft.server.scheduling;

/** A plan was refused because its server no longer holds the scheduler lease at the plan's epoch. */
public final class LeaseLostException extends RuntimeException {
  public LeaseLostException(String holder, long epoch) {
    super("server " + holder + " no longer holds the scheduler lease at epoch " + epoch
        + ": another server took over; its plan is not applied");
  }
}
