package dev.weft.server.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.model.Resources;
import dev.weft.model.TaskSpec;
import dev.weft.model.lifecycle.TaskState;
import dev.weft.store.TaskRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The waiting polls' states: waiting, claimed by a plan, delivered or released, left. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WaitingPollsTest {
  static final Instant T0 = Instant.parse("2026-11-24T00:00:00Z");

  static WaitingPolls.Handed handed(String id) {
    TaskSpec spec = TaskSpec.builder(id).job("j").resources(Resources.of(100, 0)).build();
    return new WaitingPolls.Handed(new TaskRecord(id, "j", id, null, "root", 0, TaskState.PLACED, 0, "n1", 2, T0, T0,
        T0, null, null, null, null), spec);
  }

  @Test
  void a_claimed_poll_gets_what_the_plan_handed_it_and_is_claimed_by_no_other_plan() throws Exception {
    WaitingPolls polls = new WaitingPolls();
    WaitingPolls.Waiter w = polls.register("n1", 5);
    assertThat(polls.waits("n1")).isTrue();
    Map<String, WaitingPolls.Waiter> claimed = polls.claim(List.of("n1", "n2", "n1"));
    assertThat(claimed).containsOnlyKeys("n1");
    assertThat(polls.claim(List.of("n1"))).as("already claimed").isEmpty();
    assertThat(polls.deliver(claimed, Map.of("n1", List.of(handed("a"), handed("b"))))).isEqualTo(2);
    assertThat(polls.leave(w)).extracting(h -> h.record().id()).containsExactly("a", "b");
    assertThat(polls.waits("n1")).isFalse();
  }

  @Test
  void a_released_claim_leaves_the_poll_waiting_for_the_next_plan() throws Exception {
    WaitingPolls polls = new WaitingPolls();
    WaitingPolls.Waiter w = polls.register("n1", 5);
    polls.release(polls.claim(List.of("n1")));
    Map<String, WaitingPolls.Waiter> again = polls.claim(List.of("n1"));
    assertThat(again).containsOnlyKeys("n1");
    assertThat(polls.deliver(again, Map.of())).as("nothing for it: released").isZero();
    assertThat(polls.claim(List.of("n1"))).containsOnlyKeys("n1");
  }

  @Test
  void a_poll_that_leaves_while_claimed_waits_for_the_plan_outcome() throws Exception {
    WaitingPolls polls = new WaitingPolls();
    WaitingPolls.Waiter w = polls.register("n1", 5);
    Map<String, WaitingPolls.Waiter> claimed = polls.claim(List.of("n1"));
    CompletableFuture<List<WaitingPolls.Handed>> left = CompletableFuture.supplyAsync(() -> {
      try {
        return polls.leave(w);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    Thread.sleep(100);
    assertThat(left).as("still waiting for the plan").isNotDone();
    polls.deliver(claimed, Map.of("n1", List.of(handed("a"))));
    assertThat(left.get(10, TimeUnit.SECONDS)).extracting(h -> h.record().id()).containsExactly("a");
  }

  @Test
  void a_poll_gone_before_the_plan_committed_is_not_counted_as_reached() throws Exception {
    WaitingPolls polls = new WaitingPolls(Duration.ofMillis(10));
    WaitingPolls.Waiter w = polls.register("n1", 5);
    Map<String, WaitingPolls.Waiter> claimed = polls.claim(List.of("n1"));
    assertThat(polls.leave(w)).as("gave up waiting for the outcome").isEmpty();
    assertThat(polls.deliver(claimed, Map.of("n1", List.of(handed("a"))))).isZero();
    WaitingPolls.Waiter unclaimed = polls.register("n2", 1);
    assertThat(polls.leave(unclaimed)).isEmpty();
    assertThat(polls.claim(List.of("n2"))).as("left: no plan can claim it").isEmpty();
  }

  @Test
  void a_newer_poll_of_a_node_takes_the_place_of_the_older_and_a_poll_needs_room() throws Exception {
    WaitingPolls polls = new WaitingPolls();
    WaitingPolls.Waiter old = polls.register("n1", 5);
    WaitingPolls.Waiter newer = polls.register("n1", 3);
    assertThat(polls.claim(List.of("n1")).get("n1")).isSameAs(newer);
    assertThat(polls.leave(old)).isEmpty();
    assertThat(polls.waits("n1")).as("the older leaving does not remove the newer").isTrue();
    assertThatThrownBy(() -> polls.register("n2", 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
