package dev.weft.store;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Shares one transaction among the writes of many threads: submitted work waits at most a
 * bounded time for companions, then a batch is committed at once. Each piece of work is
 * isolated by a savepoint: if it throws, only its own writes are undone and only its future
 * fails. A future completes after the commit, so a completed future means durable. A wait of
 * zero takes whatever queued while the previous batch committed (no added latency when idle);
 * see the module README for measurements.
 */
public interface GroupCommitter extends AutoCloseable {
  /** Queues {@code work}; the future holds its result once the batch is committed. */
  <T> CompletableFuture<T> submit(Supplier<T> work);

  /** Submits and waits; rethrows the work's own exception unchanged when it is unchecked. */
  <T> T commit(Supplier<T> work);

  /** How many transactions have been committed so far (for tests and metrics). */
  long transactions();

  /** Stops taking work and commits what is queued. */
  @Override
  void close();
}
