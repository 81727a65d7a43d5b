package dev.weft.server.logs;

import dev.weft.server.retention.PurgeLoop;
import dev.weft.store.TaskLogStore;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Deletes the shipped output of tasks that ended longer ago than the retention (the server's
 * {@code --log-retention}), so the database does not grow with every line every task ever printed.
 * {@link #once} is the work (batches of {@value #BATCH} tasks until none is due); {@link #start}
 * runs it every {@code every} on a {@link PurgeLoop}, which rides out database outages. Every
 * server may run one: deleting what another deleted is harmless.
 */
public final class LogPurge implements AutoCloseable {
  static final int BATCH = 500;

  private final TaskLogStore logs;
  private final Duration retention;
  private final InstantSource clock;
  private PurgeLoop loop;

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

  /** Runs {@link #once} now and then every {@code every} on thread {@code weft-log-purge} until {@link #close}. */
  public LogPurge start(Duration every) {
    loop = PurgeLoop.start("weft-log-purge", "deleting old task logs", this::once,
        n -> "deleted the logs of " + n + " task(s) that ended over " + retention + " ago", every);
    return this;
  }

  @Override
  public void close() {
    if (loop != null) {
      loop.close();
    }
  }
}
