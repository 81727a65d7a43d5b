package dev.weft.server.retention;

import dev.weft.store.JobStore;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Deletes jobs whose tasks all ended longer ago than the retention (the server's
 * {@code --job-retention}), with their tasks, outputs and logs, so the database does not grow with
 * every job ever run; what {@link JobStore#purgeEndedBefore} keeps (unfinished jobs, workflow tasks
 * whose outcome is not delivered, run-time history) stays. {@link #once} is the work (batches of
 * {@value #BATCH} jobs until none is due); {@link #start} runs it on a {@link PurgeLoop}. Every
 * server may run one: the store deletes each job once however many servers race.
 */
public final class JobPurge implements AutoCloseable {
  static final int BATCH = 500;

  private final JobStore jobs;
  private final Duration retention;
  private final InstantSource clock;
  private PurgeLoop loop;

  public JobPurge(JobStore jobs, Duration retention, InstantSource clock) {
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("job retention must be positive, got " + retention);
    }
    this.jobs = jobs;
    this.retention = retention;
    this.clock = clock;
  }

  /** Deletes every due job now; returns how many jobs went. */
  public int once() {
    var cutoff = clock.instant().minus(retention);
    int total = 0;
    int deleted;
    do {
      deleted = jobs.purgeEndedBefore(cutoff, BATCH);
      total += deleted;
    } while (deleted == BATCH);
    return total;
  }

  /** Runs {@link #once} now and then every {@code every} on thread {@code weft-job-purge} until {@link #close}. */
  public JobPurge start(Duration every) {
    loop = PurgeLoop.start("weft-job-purge", "deleting old jobs", this::once,
        n -> "deleted " + n + " job(s) whose tasks ended over " + retention + " ago", every);
    return this;
  }

  @Override
  public void close() {
    if (loop != null) {
      loop.close();
    }
  }
}
