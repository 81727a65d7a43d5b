package dev.weft.server.runtime;

/**
 * How an in-process service call waits out its contract's retry delay ({@code contract.retry.delay})
 * on the thread carrying the command out. The command's lease is renewed meanwhile
 * ({@link RenewCommandLeases}), so no other engine takes it over.
 */
@FunctionalInterface
interface RetryWait {
  /** Sleeps; false when interrupted. */
  RetryWait SLEEP = millis -> {
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  };

  /** Waits {@code millis}; false when the wait was cut short (the engine is stopping) and the retry must not run. */
  boolean waited(long millis);
}
