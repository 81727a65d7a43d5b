package dev.weft.server.runtime;

import dev.weft.server.outage.FailureStreak;
import dev.weft.store.GroupCommitter;
import dev.weft.store.StoreException;
import dev.weft.store.StoreUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Runs units of work through the group committer, each whole or not at all, and tries a unit
 * again when the store refused it (a stale version because another engine decided on the
 * instance first, a deadlock or lock timeout between engines). Only for units that are safe to
 * repeat, as all of {@link Recorder}'s are. After {@value #ATTEMPTS} refusals it gives up and
 * says so: nothing of the unit is stored, and the command's lease running out brings it back.
 *
 * <p>A database that is away (restarting, unreachable) is not a refusal: the unit is tried again
 * with backoff for as long as the outage patience allows, so an effect already carried out (an
 * http call) is recorded once the database is back instead of being carried out again later.
 * The outage is logged once when it starts and once when it ends (a {@link FailureStreak}).
 */
final class CommitWithRetry {
  static final int ATTEMPTS = 10;
  /** How long a unit waits for the database by default before it is left for its lease to bring back. */
  static final Duration OUTAGE_PATIENCE = Duration.ofMinutes(2);
  private static final System.Logger LOG = System.getLogger(CommitWithRetry.class.getName());

  /** Sleeps; the engine passes {@code Thread::sleep}, tests a recorder. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final GroupCommitter committer;
  private final FailureStreak outage;
  private final Sleeper sleeper;
  private final LongSupplier millis;
  private final Duration patience;
  final AtomicLong units = new AtomicLong();
  final AtomicLong retries = new AtomicLong();

  CommitWithRetry(GroupCommitter committer) {
    this(committer, FailureStreak.logging("committing decisions", LOG), Thread::sleep, System::currentTimeMillis,
        OUTAGE_PATIENCE);
  }

  CommitWithRetry(GroupCommitter committer, FailureStreak outage, Sleeper sleeper, LongSupplier millis, Duration patience) {
    this.committer = committer;
    this.outage = outage;
    this.sleeper = sleeper;
    this.millis = millis;
    this.patience = patience;
  }

  /** The unit's result once committed, or empty when the store refused it every time or stayed away past the patience. */
  <T> Optional<T> commit(String what, Supplier<T> work) {
    long giveUpAt = millis.getAsLong() + patience.toMillis();
    for (int attempt = 1; ; ) {
      try {
        T result = committer.commit(work);
        units.incrementAndGet();
        outage.succeeded();
        return Optional.of(result);
      } catch (StoreUnavailableException e) {
        retries.incrementAndGet();
        if (millis.getAsLong() >= giveUpAt || !pause(outage.failed(e))) {
          LOG.log(System.Logger.Level.WARNING, what + ": database away for " + patience.toSeconds()
              + " s, left for later: " + e.getMessage());
          return Optional.empty();
        }
      } catch (StoreException e) {
        if (attempt == ATTEMPTS) {
          LOG.log(System.Logger.Level.WARNING, what + ": refused " + ATTEMPTS + " times, left for later: " + e.getMessage());
          return Optional.empty();
        }
        attempt++;
        retries.incrementAndGet();
      }
    }
  }

  /**
   * One try, no waiting for the database: for callers that answer a request (they say 503 at once
   * rather than hold the caller). Refusals are tried again as in {@link #commit}.
   *
   * @throws StoreUnavailableException when the database is away
   */
  <T> Optional<T> commitOrUnavailable(String what, Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        T result = committer.commit(work);
        units.incrementAndGet();
        return Optional.of(result);
      } catch (StoreUnavailableException e) {
        throw e;
      } catch (StoreException e) {
        if (attempt == ATTEMPTS) {
          LOG.log(System.Logger.Level.WARNING, what + ": refused " + ATTEMPTS + " times: " + e.getMessage());
          return Optional.empty();
        }
        retries.incrementAndGet();
      }
    }
  }

  /** Submits every unit at once (so they can share transactions), then retries the refused ones one by one. */
  <T> List<Optional<T>> commitAll(String what, List<Supplier<T>> works) {
    List<CompletableFuture<T>> futures = works.stream().map(committer::submit).toList();
    List<Optional<T>> results = new ArrayList<>(works.size());
    for (int i = 0; i < works.size(); i++) {
      try {
        results.add(Optional.of(futures.get(i).join()));
        units.incrementAndGet();
      } catch (CompletionException e) {
        if (!(e.getCause() instanceof StoreException)) {
          throw e;
        }
        retries.incrementAndGet();
        results.add(commit(what, works.get(i)));
      }
    }
    return results;
  }

  /** Waits {@code d}; false when interrupted (the engine is closing). */
  private boolean pause(Duration d) {
    try {
      sleeper.sleep(d);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
