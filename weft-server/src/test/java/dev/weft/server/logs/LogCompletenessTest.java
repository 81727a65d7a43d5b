package dev.weft.server.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.weft.model.lifecycle.TaskState;
import dev.weft.store.LogExtent;
import dev.weft.store.TaskRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When an attempt's output counts as complete, row by row of the table in {@link LogCompleteness}. */
class LogCompletenessTest {
  static final Instant END = Instant.parse("2026-01-01T00:00:00Z");
  static final LogExtent ENDED = new LogExtent(0, 5, 5, true);
  static final LogExtent OPEN = new LogExtent(0, 5, 5, false);

  static TaskRecord task(TaskState state, int attempt) {
    return new TaskRecord("t", "j", "t", JsonNodeFactory.instance.objectNode(), "root", 50, state, attempt, "n1", 1,
        END, END, END, END, state.holdsResources() || state == TaskState.PENDING ? null : END, null, null);
  }

  @Test
  void an_older_attempt_is_over_and_complete_whatever_the_task_does_now() {
    assertThat(LogCompleteness.over(task(TaskState.RUNNING, 1), 0)).isTrue();
    assertThat(LogCompleteness.complete(task(TaskState.RUNNING, 1), 0, List.of(OPEN), END)).isTrue();
  }

  @Test
  void a_running_or_waiting_attempt_is_neither_over_nor_complete() {
    for (TaskState s : List.of(TaskState.PENDING, TaskState.PLACED, TaskState.RUNNING)) {
      assertThat(LogCompleteness.over(task(s, 0), 0)).as(s.name()).isFalse();
      assertThat(LogCompleteness.complete(task(s, 0), 0, List.of(ENDED, ENDED), END)).as(s.name()).isFalse();
    }
  }

  @Test
  void an_end_the_agent_reported_is_complete_at_once_because_the_agent_flushed_first() {
    assertThat(LogCompleteness.complete(task(TaskState.SUCCEEDED, 0), 0, List.of(OPEN, LogExtent.NONE), END)).isTrue();
    assertThat(LogCompleteness.complete(task(TaskState.FAILED, 0), 0, List.of(LogExtent.NONE), END)).isTrue();
  }

  @Test
  void an_end_the_server_decided_waits_for_the_agents_last_pieces_or_the_grace() {
    for (TaskState s : List.of(TaskState.CANCELLED, TaskState.PREEMPTED, TaskState.LOST)) {
      TaskRecord t = task(s, 0);
      assertThat(LogCompleteness.complete(t, 0, List.of(OPEN, LogExtent.NONE), END)).as(s.name()).isFalse();
      assertThat(LogCompleteness.complete(t, 0, List.of(ENDED, LogExtent.NONE), END)).as(s.name()).isTrue();
      assertThat(LogCompleteness.complete(t, 0, List.of(OPEN), END.plus(LogCompleteness.GRACE))).as(s.name()).isTrue();
    }
  }
}
