package dev.weft.server.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Deletes what ended longer ago than a retention, in batches of {@value #BATCH} until none is due
 * ({@link #once}), now and then every {@code every} on a {@link PurgeLoop} ({@link #start}). A
 * subclass says what one batch deletes; every server may run one, as deleting what another server
 * deleted is harmless.
 */
public abstract class AgePurge implements AutoCloseable {
  public static final int BATCH = 500;

  private final Duration retention;
  private final InstantSource clock;
  private PurgeLoop loop;

  /** @param what what is kept for the retention, for the error on a retention that is not positive */
  protected AgePurge(String what, Duration retention, InstantSource clock) {
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException(what + " retention must be positive, got " + retention);
    }
    this.retention = retention;
    this.clock = clock;
  }

  /** Deletes up to {@code limit} of what ended before {@code cutoff}; returns how many went. */
  protected abstract int purgeBatch(Instant cutoff, int limit);

  /** The log line after a round that deleted {@code n}. */
  protected abstract String deleted(int n, Duration retention);

  /** Deletes everything due now; returns how many went. */
  public int once() {
    Instant cutoff = clock.instant().minus(retention);
    int total = 0;
    int deleted;
    do {
      deleted = purgeBatch(cutoff, BATCH);
      total += deleted;
    } while (deleted == BATCH);
    return total;
  }

  /** Runs {@link #once} now and then every {@code every} on a daemon thread until {@link #close}. */
  protected void startLoop(String threadName, String doing, Duration every) {
    loop = PurgeLoop.start(threadName, doing, this::once, n -> deleted(n, retention), every);
  }

  @Override
  public void close() {
    if (loop != null) {
      loop.close();
    }
  }
}
