package dev.weft.server.logs;

import dev.weft.server.outage.FailureStreak;
import dev.weft.store.StoreException;
import dev.weft.store.TaskLogStore;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Deletes the shipped output of tasks that ended longer ago than the retention (the server's
 * {@code --log-retention}), so the database does not grow with every line every task ever printed.
 * {@link #once} is the work (batches of {@value #BATCH} tasks until none is due); {@link #start}
 * runs it on a daemon thread every {@code every}, riding out database outages with a
 * {@link FailureStreak}. Every server may run one: deleting what another deleted is harmless.
 */
public final class LogPurge implements AutoCloseable {
  static final int BATCH = 500;
  private static final System.Logger LOG = System.getLogger(LogPurge.class.getName());

  private final TaskLogStore logs;
  private final Duration retention;
  private final InstantSource clock;
  private final CountDownLatch closed = new CountDownLatch(1);
  private Thread thread;

  public LogPurge(TaskLogStore logs, Duration retention, InstantSource clock) {
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("log retention must be positive, got " + retention);
    }
    this.logs = logs;
    this.retention = retention;
    this.clock = clock;
  }

  /** Deletes every due task's logs now; returns how many tasks' logs went. */
  public int once() {
    var cutoff = clock.instant().minus(retention);
    int total = 0;
    int deleted;
    do {
      deleted = logs.purgeEndedBefore(cutoff, BATCH);
      total += deleted;
    } while (deleted == BATCH);
    return total;
  }

  /** Runs {@link #once} now and then every {@code every} on a daemon thread until {@link #close}. */
  public LogPurge start(Duration every) {
    FailureStreak streak = FailureStreak.logging("deleting old task logs", LOG);
    thread = new Thread(() -> {
      long waitMillis = 0;
      try {
        while (!closed.await(waitMillis, TimeUnit.MILLISECONDS)) {
          try {
            int n = once();
            streak.succeeded();
            if (n > 0) {
              LOG.log(System.Logger.Level.INFO, "deleted the logs of " + n + " task(s) that ended over " + retention
                  + " ago");
            }
            waitMillis = every.toMillis();
          } catch (StoreException e) {
            waitMillis = streak.failed(e).toMillis();
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "weft-log-purge");
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  @Override
  public void close() {
    closed.countDown();
    if (thread != null) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
