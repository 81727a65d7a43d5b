package dev.weft.store;

/** A write named a version of an instance that is no longer current: someone else wrote first. */
public final class StaleVersionException extends StoreException {
  private final String instanceId;
  private final long expected;
  private final long actual;

  public StaleVersionException(String instanceId, long expected, long actual) {
    super("instance " + instanceId + " is at version " + actual + ", not " + expected
        + ": another writer got there first; reload and decide again");
    this.instanceId = instanceId;
    this.expected = expected;
    this.actual = actual;
  }

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
