package dev.weft.model.lifecycle;

import static dev.weft.model.lifecycle.TaskEvent.CANCEL;
import static dev.weft.model.lifecycle.TaskEvent.FAIL;
import static dev.weft.model.lifecycle.TaskEvent.LOSE;
import static dev.weft.model.lifecycle.TaskEvent.PLACE;
import static dev.weft.model.lifecycle.TaskEvent.PREEMPT;
import static dev.weft.model.lifecycle.TaskEvent.REQUEUE;
import static dev.weft.model.lifecycle.TaskEvent.RESUME;
import static dev.weft.model.lifecycle.TaskEvent.START;
import static dev.weft.model.lifecycle.TaskEvent.SUCCEED;
import static dev.weft.model.lifecycle.TaskEvent.SUSPEND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TaskLifecycleTest {
  /** Lives a task can lead, as its events in order, and where each ends. */
  static Stream<Arguments> lives() {
    return Stream.of(
        Arguments.of("runs and succeeds", List.of(PLACE, START, SUCCEED), TaskState.SUCCEEDED),
        Arguments.of("runs and exits non-zero", List.of(PLACE, START, FAIL), TaskState.FAILED),
        Arguments.of("cannot be started by its agent", List.of(PLACE, FAIL), TaskState.FAILED),
        Arguments.of("is cancelled while waiting", List.of(CANCEL), TaskState.CANCELLED),
        Arguments.of("is cancelled once placed", List.of(PLACE, CANCEL), TaskState.CANCELLED),
        Arguments.of("is cancelled while running", List.of(PLACE, START, CANCEL), TaskState.CANCELLED),
        Arguments.of("is preempted before it starts, then runs", List.of(PLACE, PREEMPT, REQUEUE, PLACE, START,
            SUCCEED), TaskState.SUCCEEDED),
        Arguments.of("is preempted while running and cancelled", List.of(PLACE, START, PREEMPT, CANCEL),
            TaskState.CANCELLED),
        Arguments.of("is preempted while running and queued again", List.of(PLACE, START, PREEMPT, REQUEUE),
            TaskState.PENDING),
        Arguments.of("loses its node before it starts", List.of(PLACE, LOSE, REQUEUE), TaskState.PENDING),
        Arguments.of("loses its node while running, runs elsewhere", List.of(PLACE, START, LOSE, REQUEUE, PLACE,
            START, SUCCEED), TaskState.SUCCEEDED),
        Arguments.of("is lost and out of attempts", List.of(PLACE, START, LOSE, FAIL), TaskState.FAILED),
        Arguments.of("is lost and cancelled", List.of(PLACE, LOSE, CANCEL), TaskState.CANCELLED),
        Arguments.of("is suspended in place, resumed and succeeds", List.of(PLACE, START, SUSPEND, RESUME, SUCCEED),
            TaskState.SUCCEEDED),
        Arguments.of("ends before the stop reaches it", List.of(PLACE, START, SUSPEND, SUCCEED), TaskState.SUCCEEDED),
        Arguments.of("dies while suspended", List.of(PLACE, START, SUSPEND, FAIL), TaskState.FAILED),
        Arguments.of("loses its node while suspended", List.of(PLACE, START, SUSPEND, LOSE, REQUEUE), TaskState.PENDING),
        Arguments.of("is cancelled while suspended", List.of(PLACE, START, SUSPEND, CANCEL), TaskState.CANCELLED),
        Arguments.of("is evicted while suspended and queued again", List.of(PLACE, START, SUSPEND, PREEMPT, REQUEUE),
            TaskState.PENDING));
  }

  @ParameterizedTest(name = "a task that {0}")
  @MethodSource("lives")
  void a_life_ends_where_its_events_lead(String name, List<TaskEvent> events, TaskState end) {
    assertThat(live(events, new HashSet<>())).isEqualTo(end);
  }

  @Test
  void the_lives_above_use_every_transition_of_the_table() {
    Set<TaskLifecycle.Transition> visited = new HashSet<>();
    lives().forEach(a -> {
      @SuppressWarnings("unchecked")
      List<TaskEvent> events = (List<TaskEvent>) a.get()[1];
      live(events, visited);
    });
    assertThat(visited).containsExactlyInAnyOrderElementsOf(TaskLifecycle.table());
  }

  @Test
  void every_event_outside_the_table_is_refused_with_what_is_allowed() {
    int refused = 0;
    for (TaskState from : TaskState.values()) {
      for (TaskEvent event : TaskEvent.values()) {
        boolean inTable = TaskLifecycle.table().stream().anyMatch(t -> t.from() == from && t.event() == event);
        if (!inTable) {
          refused++;
          assertThatThrownBy(() -> TaskLifecycle.apply("t-1", from, event))
              .isInstanceOf(IllegalTaskTransitionException.class)
              .hasMessageContaining("task t-1 is " + from).hasMessageContaining(event + " is not allowed");
        }
      }
    }
    assertThat(refused).isEqualTo(TaskState.values().length * TaskEvent.values().length - TaskLifecycle.table().size());
  }

  @Test
  void terminal_states_have_no_way_out() {
    for (TaskState s : TaskState.values()) {
      assertThat(TaskLifecycle.eventsFrom(s).isEmpty()).as(s.name()).isEqualTo(s.terminal());
    }
  }

  @Test
  void the_diagram_draws_every_row() {
    String diagram = TaskLifecycle.mermaid();
    for (TaskLifecycle.Transition t : TaskLifecycle.table()) {
      assertThat(diagram).contains(t.from() + " --> " + t.to() + " : " + t.event().name().toLowerCase());
    }
  }

  @Test
  void the_docs_show_the_table_as_it_is() throws IOException {
    Path page = Path.of(System.getProperty("weft.docs", "../docs"), "scheduling-loop.md");
    assumeTrue(Files.exists(page), "no docs next to the module (" + page.toAbsolutePath() + "), skipping");
    assertThat(Files.readString(page)).as("docs/scheduling-loop.md holds TaskLifecycle.mermaid()")
        .contains("```mermaid\n" + TaskLifecycle.mermaid() + "```");
  }

  private static TaskState live(List<TaskEvent> events, Set<TaskLifecycle.Transition> visited) {
    TaskState state = TaskState.PENDING;
    for (TaskEvent e : events) {
      TaskState next = TaskLifecycle.apply("t-1", state, e);
      visited.add(new TaskLifecycle.Transition(state, e, next));
      state = next;
    }
    return state;
  }
}
