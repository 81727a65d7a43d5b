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

  /**
   * Runs {@code action} once the transaction open on this thread has committed (at once when none
   * is open); never when it rolls back, nor when the part of it that asked is rolled back to a
   * savepoint. For telling others of what is now visible (waking the waiting readers of a change):
   * a reader woken before the commit would find nothing new. An action that throws is logged; the
   * commit stands.
   */
  void afterCommit(Runnable action);
}
