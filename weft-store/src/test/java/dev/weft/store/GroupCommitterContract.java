package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The {@link GroupCommitter} contract, run with real threads on every database. */
abstract class GroupCommitterContract extends StoreContract {
  private static Decision step(String id, long expected, int step) {
    return new Decision(id, expected, InstanceStatus.RUNNING, json("step", step),
        List.of(new NewEvent("stepDone", json("step", step))),
        List.of(new Command(new CommandId(id, "/do/" + step, 1), "call", json("step", step))));
  }

  @Test
  void decisions_of_many_threads_share_fewer_transactions_and_all_are_durable() throws Exception {
    int threads = 8;
    int steps = 10;
    for (int t = 0; t < threads; t++) {
      newInstance("i-" + t);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> writers = new ArrayList<>();
    try (GroupCommitter committer = db.groupCommitter(64, Duration.ofMillis(5))) {
      for (int t = 0; t < threads; t++) {
        String id = "i-" + t;
        writers.add(pool.submit(() -> {
          start.await();
          long v = 1;
          for (int s = 1; s <= steps; s++) {
            long expected = v;
            int stepNo = s;
            v = committer.commit(() -> db.events().append(step(id, expected, stepNo), T0));
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : writers) {
        f.get();
      }
      assertThat(committer.transactions()).isLessThan(threads * steps);
    }
    pool.shutdown();
    for (int t = 0; t < threads; t++) {
      assertThat(db.events().history("i-" + t)).hasSize(steps);
      assertThat(db.instances().find("i-" + t).orElseThrow().version()).isEqualTo(steps + 1);
    }
    assertThat(db.outbox().pending(1000)).hasSize(threads * steps);
  }

  @Test
  void a_failing_decision_in_a_batch_undoes_only_itself() throws Exception {
    newInstance("good");
    newInstance("bad");
    CompletableFuture<Long> good;
    CompletableFuture<Long> bad;
    CompletableFuture<Long> alsoGood;
    try (GroupCommitter committer = db.groupCommitter(64, Duration.ofMillis(200))) {
      good = committer.submit(() -> db.events().append(step("good", 1, 1), T0));
      bad = committer.submit(() -> {
        db.events().append(step("bad", 1, 1), T0);
        throw new IllegalStateException("decider blew up");
      });
      alsoGood = committer.submit(() -> db.events().append(step("good", 2, 2), T0));
      assertThat(alsoGood.get()).isEqualTo(3);
      assertThat(good.get()).isEqualTo(2);
      assertThatThrownBy(bad::join).hasRootCauseMessage("decider blew up");
      assertThat(committer.transactions()).isEqualTo(1);
    }
    assertThat(db.events().history("good")).hasSize(2);
    assertThat(db.events().history("bad")).isEmpty();
    assertThat(db.instances().find("bad").orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void a_stale_decision_in_a_batch_reports_its_own_conflict() {
    newInstance("i-1");
    try (GroupCommitter committer = db.groupCommitter(8, Duration.ofMillis(1))) {
      committer.commit(() -> db.events().append(step("i-1", 1, 1), T0));
      assertThatThrownBy(() -> committer.commit(() -> db.events().append(step("i-1", 1, 2), T0)))
          .isInstanceOf(StaleVersionException.class);
    }
  }

  @Test
  void actions_after_the_commit_see_what_it_wrote_and_a_piece_rolled_back_runs_none() throws Exception {
    newInstance("good");
    newInstance("bad");
    List<String> ran = java.util.Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Long> good;
    CompletableFuture<Long> bad;
    try (GroupCommitter committer = db.groupCommitter(64, Duration.ofMillis(200))) {
      good = committer.submit(() -> {
        long v = db.events().append(step("good", 1, 1), T0);
        // runs in a transaction of its own, after the batch's commit: it sees the decision
        db.transactor().afterCommit(() -> ran.add("good saw " + db.events().history("good").size()));
        return v;
      });
      bad = committer.submit(() -> {
        db.events().append(step("bad", 1, 1), T0);
        db.transactor().afterCommit(() -> ran.add("bad"));
        throw new IllegalStateException("decider blew up");
      });
      assertThat(good.get()).isEqualTo(2);
      assertThatThrownBy(bad::join).hasRootCauseMessage("decider blew up");
    }
    assertThat(ran).containsExactly("good saw 1");
  }

  @Test
  void an_action_after_the_commit_waits_for_it_runs_at_once_outside_one_and_never_after_a_rollback() {
    newInstance("i-1");
    List<String> ran = new ArrayList<>();
    db.transactor().inTransaction(() -> {
      db.events().append(step("i-1", 1, 1), T0);
      db.transactor().afterCommit(() -> ran.add("after the commit"));
      assertThat(ran).as("not before the commit").isEmpty();
      return null;
    });
    assertThat(ran).containsExactly("after the commit");
    assertThatThrownBy(() -> db.transactor().inTransaction(() -> {
      db.transactor().afterCommit(() -> ran.add("after a rollback"));
      throw new IllegalStateException("undone");
    })).hasMessage("undone");
    db.transactor().afterCommit(() -> ran.add("outside a transaction"));
    db.transactor().inTransaction(() -> {
      db.transactor().afterCommit(() -> {
        throw new IllegalStateException("a failing action");
      });
      db.transactor().afterCommit(() -> ran.add("after a failing one"));
      return null;
    });
    assertThat(ran).containsExactly("after the commit", "outside a transaction", "after a failing one");
  }
}
