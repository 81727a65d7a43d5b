package dev.weft.server.retention;

import dev.weft.store.JobStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Deletes jobs whose tasks all ended longer ago than the retention (the server's
 * {@code --job-retention}), with their tasks, outputs and logs, so the database does not grow with
 * every job ever run; what {@link JobStore#purgeEndedBefore} keeps (unfinished jobs, workflow tasks
 * whose outcome is not delivered, run-time history) stays. {@link #once} is the work (batches of
 * {@value AgePurge#BATCH} jobs until none is due); {@link #start} runs it on a {@link dev.weft.server.retention.PurgeLoop}. Every
 * server may run one: the store deletes each job once however many servers race.
 */
public final class JobPurge extends AgePurge {
  private final JobStore jobs;

  public JobPurge(JobStore jobs, Duration retention, InstantSource clock) {
    super("job", retention, clock);
    this.jobs = jobs;
  }

  @Override
  protected int purgeBatch(Instant cutoff, int limit) {
    return jobs.purgeEndedBefore(cutoff, limit);
  }

  @Override
  protected String deleted(int n, Duration retention) {
    return "deleted " + n + " job(s) whose tasks ended over " + retention + " ago";
  }

  /** Runs {@link #once} now and then every {@code every} on thread {@code weft-job-purge} until {@link #close}. */
  public JobPurge start(Duration every) {
    startLoop("weft-job-purge", "deleting old jobs", every);
    return this;
  }
}
