package dev.weft.server.logs;

import dev.weft.server.retention.AgePurge;
import dev.weft.store.TaskLogStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Deletes the shipped output of tasks that ended longer ago than the retention (the server's
 * {@code --log-retention}), so the database does not grow with every line every task ever printed.
 * {@link #once} is the work (batches of {@value AgePurge#BATCH} tasks until none is due); {@link #start}
 * runs it every {@code every} on a {@link dev.weft.server.retention.PurgeLoop}, which rides out database outages. Every
 * server may run one: deleting what another deleted is harmless.
 */
public final class LogPurge extends AgePurge {
  private final TaskLogStore logs;

  public LogPurge(TaskLogStore logs, Duration retention, InstantSource clock) {
    super("log", retention, clock);
    this.logs = logs;
  }

  @Override
  protected int purgeBatch(Instant cutoff, int limit) {
    return logs.purgeEndedBefore(cutoff, limit);
  }

  @Override
  protected String deleted(int n, Duration retention) {
    return "deleted the logs of " + n + " task(s) that ended over " + retention + " ago";
  }

  /** Runs {@link #once} now and then every {@code every} on thread {@code weft-log-purge} until {@link #close}. */
  public LogPurge start(Duration every) {
    startLoop("weft-log-purge", "deleting old task logs", every);
    return this;
  }
}
