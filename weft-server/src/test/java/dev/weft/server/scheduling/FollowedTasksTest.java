package dev.weft.server.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.TaskSpec;
import dev.weft.model.lifecycle.TaskState;
import dev.weft.store.ChangedTask;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FollowedTasksTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static FollowedTasks.Task task(String id, long submittedSecond, TaskState status, long version) {
    return new FollowedTasks.Task(id, "j", "etl", status, 0, status == TaskState.PENDING ? null : "n1", version,
        T0.plusSeconds(submittedSecond), null, null, TaskSpec.builder(id).build());
  }

  private static ChangedTask change(FollowedTasks.Task t, TaskState status, long version, long seq) {
    return new ChangedTask(t.id(), t.jobId(), t.name(), status, t.attempt(),
        status == TaskState.PENDING ? null : "n1", version, t.submittedAt(), T0, null, seq);
  }

  @Test
  void a_change_is_taken_once_and_one_read_again_through_the_margin_changes_nothing() {
    FollowedTasks.Task a = task("a", 1, TaskState.PENDING, 1);
    FollowedTasks followed = new FollowedTasks(List.of(a), false, List.of());
    followed.apply(List.of(change(a, TaskState.PLACED, 2, 11)), Map.of());
    assertThat(followed.pending(10)).isEmpty();
    assertThat(followed.holding()).extracting(FollowedTasks.Task::version).containsExactly(2L);
    // the margin reads the placement again, then an older version than the one followed: both ignored
    followed.apply(List.of(change(a, TaskState.PLACED, 2, 11), change(a, TaskState.PENDING, 1, 9)), Map.of());
    assertThat(followed.holding()).extracting(FollowedTasks.Task::version).containsExactly(2L);
    assertThat(followed.pending(10)).isEmpty();
  }

  @Test
  void a_write_that_committed_after_a_later_one_is_still_taken_when_it_shows_up() {
    FollowedTasks.Task early = task("early", 1, TaskState.PENDING, 1);
    FollowedTasks.Task late = task("late", 2, TaskState.PENDING, 1);
    FollowedTasks followed = new FollowedTasks(List.of(early, late), false, List.of());
    followed.apply(List.of(change(late, TaskState.PLACED, 2, 12)), Map.of()); // 11 not committed yet
    assertThat(followed.pending(10)).extracting(FollowedTasks.Task::id).containsExactly("early");
    followed.apply(List.of(change(early, TaskState.CANCELLED, 2, 11), change(late, TaskState.PLACED, 2, 12)),
        Map.of());
    assertThat(followed.pending(10)).isEmpty();
    assertThat(followed.holding()).extracting(FollowedTasks.Task::id).containsExactly("late");
  }

  @Test
  void tasks_not_followed_are_fetched_when_worth_following_and_finished_ones_are_forgotten() {
    FollowedTasks.Task running = task("r", 1, TaskState.RUNNING, 3);
    FollowedTasks followed = new FollowedTasks(List.of(), false, List.of(running));
    FollowedTasks.Task fresh = task("new", 5, TaskState.PENDING, 1);
    FollowedTasks.Task done = task("done", 0, TaskState.SUCCEEDED, 4);
    List<ChangedTask> changes = List.of(change(running, TaskState.SUCCEEDED, 4, 11),
        change(fresh, TaskState.PENDING, 1, 12), change(done, TaskState.SUCCEEDED, 4, 13));
    assertThat(followed.toFetch(changes)).containsExactly("new");
    followed.apply(changes, Map.of("new", fresh));
    assertThat(followed.holding()).isEmpty();
    assertThat(followed.pending(10)).containsExactly(fresh);
  }

  @Test
  void after_a_full_read_that_stopped_at_its_limit_newer_pending_tasks_wait_for_the_next_full_read() {
    FollowedTasks.Task first = task("a", 1, TaskState.PENDING, 1);
    FollowedTasks.Task cutoff = task("b", 2, TaskState.PENDING, 1);
    FollowedTasks followed = new FollowedTasks(List.of(first, cutoff), true, List.of());
    FollowedTasks.Task newer = task("c", 3, TaskState.PENDING, 1);
    FollowedTasks.Task requeued = task("z", 0, TaskState.PENDING, 3); // submitted before the cutoff
    List<ChangedTask> changes = List.of(change(newer, TaskState.PENDING, 1, 11),
        change(requeued, TaskState.PENDING, 3, 12));
    assertThat(followed.truncated()).isTrue();
    assertThat(followed.toFetch(changes)).containsExactly("z");
    followed.apply(changes, Map.of("c", newer, "z", requeued));
    assertThat(followed.pending(10)).extracting(FollowedTasks.Task::id).containsExactly("z", "a", "b");
    assertThat(followed.pending(2)).extracting(FollowedTasks.Task::id).containsExactly("z", "a");
    assertThat(followed.pendingCount()).isEqualTo(3);
  }
}
