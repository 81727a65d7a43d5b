package dev.weft.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.server.outage.FailureStreak;
import dev.weft.store.GroupCommitter;
import dev.weft.store.StaleVersionException;
import dev.weft.store.StoreException;
import dev.weft.store.StoreUnavailableException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The retry rules of {@link CommitWithRetry}, on a committer that fails as told (the failures a
 * real database gives during a restart are produced by PostgresRestartEndToEndTest in weft-cli).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CommitWithRetryTest {
  private static final StoreUnavailableException AWAY = new StoreUnavailableException("database unavailable: refused", null);
  private final ScriptedCommitter committer = new ScriptedCommitter();
  private final List<Duration> sleeps = new ArrayList<>();
  private final List<String> log = new ArrayList<>();
  private long now;
  private final CommitWithRetry commits = new CommitWithRetry(committer, new FailureStreak("committing", log::add, () -> now),
      d -> {
        sleeps.add(d);
        now += d.toMillis();
      }, () -> now, Duration.ofSeconds(60));

  @Test
  void a_unit_waits_with_backoff_while_the_database_is_away_and_is_committed_once_it_is_back() {
    for (int i = 0; i < 15; i++) { // more than the refusals allowed: an outage is not a refusal
      committer.failures.add(AWAY);
    }
    assertThat(commits.commit("recording c1", () -> "done")).contains("done");
    assertThat(committer.ran).isEqualTo(1);
    assertThat(sleeps).hasSize(15).startsWith(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(sleeps).last().isEqualTo(Duration.ofSeconds(5));
    assertThat(log).hasSize(2);
    assertThat(log.get(1)).startsWith("committing: works again after 15 failure(s)");
  }

  @Test
  void a_unit_is_left_for_later_once_the_database_stays_away_past_the_patience() {
    for (int i = 0; i < 100; i++) {
      committer.failures.add(AWAY);
    }
    assertThat(commits.commit("recording c1", () -> "done")).isEmpty();
    assertThat(committer.ran).isZero();
    assertThat(now).isBetween(60_000L, 65_000L);
  }

  @Test
  void refusals_are_tried_again_at_once_and_given_up_after_the_limit() {
    for (int i = 0; i < CommitWithRetry.ATTEMPTS; i++) {
      committer.failures.add(new StaleVersionException("i1", 1, 2));
    }
    assertThat(commits.commit("recording c1", () -> "done")).isEmpty();
    assertThat(sleeps).isEmpty();
  }

  @Test
  void a_request_is_told_at_once_that_the_database_is_away() {
    committer.failures.add(AWAY);
    assertThatThrownBy(() -> commits.commitOrUnavailable("starting k", () -> "started")).isSameAs(AWAY);
    assertThat(sleeps).isEmpty();
    assertThat(committer.ran).isZero();
    assertThat(commits.commitOrUnavailable("starting k", () -> "started")).contains("started");
  }

  /** Fails each call with the next scripted failure, then runs the work. */
  private static final class ScriptedCommitter implements GroupCommitter {
    final Deque<StoreException> failures = new ArrayDeque<>();
    int ran;

    @Override
    public <T> CompletableFuture<T> submit(Supplier<T> work) {
      try {
        return CompletableFuture.completedFuture(commit(work));
      } catch (StoreException e) {
        return CompletableFuture.failedFuture(e);
      }
    }

    @Override
    public <T> T commit(Supplier<T> work) {
      StoreException next = failures.poll();
      if (next != null) {
        throw next;
      }
      ran++;
      return work.get();
    }

    @Override
    public long transactions() {
      return ran;
    }

    @Override
    public void close() {
    }
  }
}
