package dev.weft.store;

/**
 * The database could not be reached or dropped the connection (refused, restarting, shut down,
 * no connection free within the pool's wait). Nothing of the operation was committed, except
 * when the connection broke during the commit itself, when the outcome is unknown: only work
 * that is safe to repeat should be repeated. The same call may succeed once the database is
 * back. The API answers it with 503; background loops back off and try again.
 */
public final class StoreUnavailableException extends StoreException {
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
