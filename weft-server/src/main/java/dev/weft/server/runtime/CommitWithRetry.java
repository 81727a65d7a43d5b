package dev.weft.server.runtime;

import dev.weft.store.GroupCommitter;
import dev.weft.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Runs units of work through the group committer, each whole or not at all, and tries a unit
 * again when the store refused it (a stale version because another engine decided on the
 * instance first, a deadlock or lock timeout between engines). Only for units that are safe to
 * repeat, as all of {@link Recorder}'s are. After {@value #ATTEMPTS} refusals it gives up and
 * says so: nothing of the unit is stored, and the command's lease running out brings it back.
 */
final class CommitWithRetry {
  static final int ATTEMPTS = 10;
  private static final System.Logger LOG = System.getLogger(CommitWithRetry.class.getName());

  private final GroupCommitter committer;
  final AtomicLong units = new AtomicLong();
  final AtomicLong retries = new AtomicLong();

  CommitWithRetry(GroupCommitter committer) {
    this.committer = committer;
  }

  /** The unit's result once committed, or empty when the store refused it every time. */
  <T> Optional<T> commit(String what, Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        T result = committer.commit(work);
        units.incrementAndGet();
        return Optional.of(result);
      } catch (StoreException e) {
        if (attempt == ATTEMPTS) {
          LOG.log(System.Logger.Level.WARNING, what + ": refused " + ATTEMPTS + " times, left for later: " + e.getMessage());
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
}
