package dev.weft.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BackfillTest {
  private static final Instant T0 = Instant.parse("2026-11-24T04:00:00Z");
  private static final Map<String, String> POLICIES = Map.of("root.batch", "sjf", "root.prod", "priority",
      "root.other", "fcfs");

  @Test
  void a_task_placed_while_a_shorter_one_of_its_sjf_queue_waits_is_a_backfill() {
    TaskStory wide = story("wide", "root.batch", 20, 5, 2, placed("node-c", 13));
    TaskStory thumb = story("thumb", "root.batch", 20, 6, 2, placed("node-a", 5));
    List<Backfill> found = Backfill.find(List.of(wide, thumb), POLICIES);
    assertThat(found).singleElement().satisfies(b -> {
      assertThat(b.task()).isEqualTo("thumb");
      assertThat(b.node()).isEqualTo("node-a");
      assertThat(b.ahead()).isEqualTo("wide");
      assertThat(b.aheadPlaced()).isEqualTo(T0.plusSeconds(13));
      assertThat(b.order()).isEqualTo("sjf: estimate 5.0 s before 6.0 s");
    });
  }

  @Test
  void a_task_placed_in_the_same_round_as_the_one_ahead_is_not_a_backfill() {
    TaskStory a = story("a", "root.batch", 20, 5, 0, placed("node-a", 1));
    TaskStory b = story("b", "root.batch", 20, 6, 0, placed("node-b", 1));
    assertThat(Backfill.find(List.of(a, b), POLICIES)).isEmpty();
  }

  @Test
  void a_task_that_comes_first_in_its_queues_order_is_not_a_backfill_when_it_starts_first() {
    TaskStory shortOne = story("short", "root.batch", 20, 2, 1, placed("node-a", 2));
    TaskStory longOne = story("long", "root.batch", 20, 9, 0, placed("node-a", 8));
    assertThat(Backfill.find(List.of(longOne, shortOne), POLICIES)).isEmpty();
  }

  @Test
  void a_waiting_task_of_another_queue_does_not_make_a_backfill() {
    TaskStory prod = story("prod", "root.prod", 90, 1, 0, placed("node-a", 9));
    TaskStory batch = story("batch", "root.batch", 20, 9, 1, placed("node-b", 2));
    assertThat(Backfill.find(List.of(prod, batch), POLICIES)).isEmpty();
  }

  @Test
  void in_a_priority_queue_the_higher_priority_comes_first_and_in_fcfs_the_earlier_submission() {
    TaskStory high = story("high", "root.prod", 90, 9, 0, placed("node-c", 9));
    TaskStory low = story("low", "root.prod", 50, 1, 1, placed("node-a", 3));
    TaskStory first = story("first", "root.other", 50, 9, 0, placed("node-c", 9));
    TaskStory second = story("second", "root.other", 50, 1, 1, placed("node-a", 3));
    assertThat(Backfill.find(List.of(high, low, first, second), POLICIES))
        .extracting(Backfill::task, Backfill::ahead, Backfill::order)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("low", "high", "priority 90 before 50"),
            org.assertj.core.groups.Tuple.tuple("second", "first", "submitted earlier"));
  }

  @Test
  void each_placed_attempt_counts_so_a_preempted_task_placed_again_in_a_gap_is_seen() {
    TaskStory wide = story("wide", "root.batch", 20, 5, 2, placed("node-c", 13));
    TaskStory victim = new TaskStory("victim", "root.batch", 20, "cpu", 1, 12_000, T0, "SUCCEEDED", 0, List.of(
        new Attempt(0, "node-a", T0.plusSeconds(1), T0.plusSeconds(1), null, "preempted for urgent: priority"),
        new Attempt(1, "node-a", T0.plusSeconds(9), T0.plusSeconds(9), T0.plusSeconds(20), null)));
    assertThat(Backfill.find(List.of(wide, victim), POLICIES)).extracting(Backfill::task, Backfill::at)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("victim", T0.plusSeconds(9)));
  }

  static Attempt placed(String node, int second) {
    Instant at = T0.plusSeconds(second);
    return new Attempt(0, node, at, at, at.plusSeconds(3), null);
  }

  static TaskStory story(String id, String queue, int priority, int estimateSeconds, int submittedSecond, Attempt run) {
    return new TaskStory(id, queue, priority, "io", 1, estimateSeconds * 1000L, T0.plusSeconds(submittedSecond),
        "SUCCEEDED", 0, List.of(run));
  }
}
