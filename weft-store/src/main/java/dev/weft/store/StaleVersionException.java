package dev.weft.store;

/** A write named a version of a row (an instance, a task, a node, the queue tree) that is no longer current: someone else wrote first. */
public final class StaleVersionException extends StoreException {
  private final String instanceId;
  private final long expected;
  private final long actual;

  public StaleVersionException(String instanceId, long expected, long actual) {
    this("instance", instanceId, expected, actual);
  }

  /** {@code what} names the kind of row ({@code task}, {@code node}); {@code actual} is -1 when the row is gone. */
  public StaleVersionException(String what, String instanceId, long expected, long actual) {
    super(what + " " + instanceId + " is at version " + actual + ", not " + expected
        + ": another writer got there first; reload and decide again");
    this.instanceId = instanceId;
    this.expected = expected;
    this.actual = actual;
  }

  /** The id of the row written (an instance id for instances). */
  public String instanceId() {
    return instanceId;
  }

  public long expected() {
    return expected;
  }

  public long actual() {
    return actual;
  }
}
