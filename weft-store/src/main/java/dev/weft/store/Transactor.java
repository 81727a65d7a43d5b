package dev.weft.store;

import java.util.function.Supplier;

/**
 * The unit of work: every store call made inside {@link #inTransaction} on the same thread
 * joins one database transaction, so one decision (events, commands, snapshot, timers) is
 * written whole or not at all.
 */
public interface Transactor {
  /**
   * Runs {@code work} in a transaction and commits it; rolls it back and rethrows if
   * {@code work} throws. A nested call joins the outer transaction.
   *
   * @throws StoreException if the commit itself fails (nothing is stored then)
   */
  <T> T inTransaction(Supplier<T> work);
}
