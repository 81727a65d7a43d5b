package dev.weft.server.retention;

import dev.weft.server.outage.FailureStreak;
import dev.weft.store.StoreException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;

/**
 * Runs a purge now and then every {@code every} on a daemon thread until {@link #close}. A purge that
 * fails with a {@link StoreException} (the database is away) is tried again after the
 * {@link FailureStreak}'s wait, which logs the start and the end of the outage once each.
 */
public final class PurgeLoop implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(PurgeLoop.class.getName());
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread thread;

  private PurgeLoop(String threadName, String what, IntSupplier purge, IntFunction<String> report, Duration every) {
    FailureStreak streak = FailureStreak.logging(what, LOG);
    thread = new Thread(() -> {
      long waitMillis = 0;
      try {
        while (!closed.await(waitMillis, TimeUnit.MILLISECONDS)) {
          try {
            int n = purge.getAsInt();
            streak.succeeded();
            if (n > 0) {
              LOG.log(System.Logger.Level.INFO, report.apply(n));
            }
            waitMillis = every.toMillis();
          } catch (StoreException e) {
            waitMillis = streak.failed(e).toMillis();
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, threadName);
    thread.setDaemon(true);
  }

  /**
   * Starts the loop.
   *
   * @param threadName the daemon thread's name
   * @param what what the purge does, for the outage log lines ("deleting old task logs")
   * @param purge one purge; returns how many things it deleted
   * @param report the log line for a purge that deleted {@code n > 0} things
   */
  public static PurgeLoop start(String threadName, String what, IntSupplier purge, IntFunction<String> report,
      Duration every) {
    if (every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException("a purge interval must be positive, got " + every);
    }
    PurgeLoop loop = new PurgeLoop(threadName, what, purge, report, every);
    loop.thread.start();
    return loop;
  }

  /** Stops the loop, waiting up to 5 seconds for a purge under way. */
  @Override
  public void close() {
    closed.countDown();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
