package dev.weft.store.jdbc;

import dev.weft.store.GroupCommitter;
import dev.weft.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * {@link GroupCommitter} with one committer thread: it takes the first queued work, waits up to
 * {@code maxWait} for more (at most {@code maxBatch}), runs the batch in one transaction with a
 * savepoint around each piece, commits, and only then completes the futures.
 */
public final class JdbcGroupCommitter implements GroupCommitter {
  private record Pending<T>(Supplier<T> work, CompletableFuture<T> future) {}

  private final JdbcTransactor tx;
  private final int maxBatch;
  private final long maxWaitNanos;
  private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
  private final AtomicLong transactions = new AtomicLong();
  private final Thread committer;
  private volatile boolean open = true;

  public JdbcGroupCommitter(JdbcTransactor tx, int maxBatch, Duration maxWait) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be at least 1, got " + maxBatch);
    }
    this.tx = tx;
    this.maxBatch = maxBatch;
    this.maxWaitNanos = maxWait.toNanos();
    this.committer = Thread.ofPlatform().name("weft-group-commit").daemon().start(this::runUntilClosed);
  }

  @Override
  public <T> CompletableFuture<T> submit(Supplier<T> work) {
    if (!open) {
      throw new StoreException("group committer is closed");
    }
    CompletableFuture<T> future = new CompletableFuture<>();
    queue.add(new Pending<>(work, future));
    return future;
  }

  @Override
  public <T> T commit(Supplier<T> work) {
    try {
      return submit(work).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  @Override
  public long transactions() {
    return transactions.get();
  }

  @Override
  public void close() {
    open = false;
    try {
      committer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void runUntilClosed() {
    try {
      while (open || !queue.isEmpty()) {
        Pending<?> first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first != null) {
          commitBatch(collectBatch(first));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private List<Pending<?>> collectBatch(Pending<?> first) throws InterruptedException {
    List<Pending<?>> batch = new ArrayList<>(List.of(first));
    long deadline = System.nanoTime() + maxWaitNanos;
    while (batch.size() < maxBatch) {
      long left = deadline - System.nanoTime();
      Pending<?> next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
      if (next == null) {
        break;
      }
      batch.add(next);
    }
    return batch;
  }

  private void commitBatch(List<Pending<?>> batch) {
    List<Runnable> outcomes = new ArrayList<>(batch.size());
    try {
      tx.inTransaction(() -> {
        for (Pending<?> p : batch) {
          outcomes.add(runIsolated(tx, p));
        }
        return null;
      });
      transactions.incrementAndGet();
      outcomes.forEach(Runnable::run);
    } catch (RuntimeException | Error e) {
      batch.forEach(p -> p.future().completeExceptionally(e));
    }
  }

  /** Runs one piece under a savepoint; returns how to complete its future once committed. */
  private static <T> Runnable runIsolated(JdbcTransactor tx, Pending<T> p) {
    Connection c = tx.connection();
    JdbcTransactor.DeferredMark mark = tx.deferredMark();
    Savepoint savepoint;
    try {
      savepoint = c.setSavepoint();
    } catch (SQLException e) {
      throw SqlFailures.wrap("cannot set a savepoint: " + e.getMessage(), e);
    }
    try {
      T result = p.work().get();
      c.releaseSavepoint(savepoint);
      return () -> p.future().complete(result);
    } catch (RuntimeException | SQLException e) {
      try {
        c.rollback(savepoint);
        tx.rollbackDeferred(mark);
      } catch (SQLException rollbackFailed) {
        throw SqlFailures.wrap("cannot roll back to a savepoint: " + rollbackFailed.getMessage(), rollbackFailed);
      }
      return () -> p.future().completeExceptionally(e);
    }
  }
}
