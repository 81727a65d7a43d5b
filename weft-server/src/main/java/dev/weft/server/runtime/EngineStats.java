package dev.weft.server.runtime;

/**
 * What an engine has done since it opened. {@code transactions} counts group-commit
 * transactions, {@code units} the pieces of work they held (starts, results, timers),
 * {@code decisions} the decisions among them; decisions per transaction shows how much group
 * commit shared. {@code retries} counts units tried again after a stale version or a conflict.
 */
public record EngineStats(long transactions, long units, long decisions, long commandsCarriedOut, long retries) {
  /** Decisions per group-commit transaction (0 when nothing was committed). */
  public double decisionsPerTransaction() {
    return transactions == 0 ? 0 : (double) decisions / transactions;
  }
}
