package dev.weft.store;

/** An instance was asked to move between two statuses that {@link InstanceStatus} does not join. */
public final class IllegalTransitionException extends StoreException {
  public IllegalTransitionException(String instanceId, InstanceStatus from, InstanceStatus to) {
    super("instance " + instanceId + " cannot move from " + from + " to " + to);
  }
}
