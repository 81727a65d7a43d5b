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
import static dev.weft.model.lifecycle.TaskState.CANCELLED;
import static dev.weft.model.lifecycle.TaskState.FAILED;
import static dev.weft.model.lifecycle.TaskState.LOST;
import static dev.weft.model.lifecycle.TaskState.PENDING;
import static dev.weft.model.lifecycle.TaskState.PLACED;
import static dev.weft.model.lifecycle.TaskState.PREEMPTED;
import static dev.weft.model.lifecycle.TaskState.RUNNING;
import static dev.weft.model.lifecycle.TaskState.SUCCEEDED;
import static dev.weft.model.lifecycle.TaskState.SUSPENDED;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The task lifecycle as one table {@code (from, event) -> to}. Anything not in the table is
 * illegal. Pure and immutable; the store checks every task write against it.
 */
public final class TaskLifecycle {
  /** One row of the table. */
  public record Transition(TaskState from, TaskEvent event, TaskState to) {}

  private static final List<Transition> TABLE = List.of(
      new Transition(PENDING, PLACE, PLACED),
      new Transition(PENDING, CANCEL, CANCELLED),
      new Transition(PLACED, START, RUNNING),
      new Transition(PLACED, FAIL, FAILED),
      new Transition(PLACED, PREEMPT, PREEMPTED),
      new Transition(PLACED, LOSE, LOST),
      new Transition(PLACED, CANCEL, CANCELLED),
      new Transition(RUNNING, SUCCEED, SUCCEEDED),
      new Transition(RUNNING, FAIL, FAILED),
      new Transition(RUNNING, PREEMPT, PREEMPTED),
      new Transition(RUNNING, LOSE, LOST),
      new Transition(RUNNING, CANCEL, CANCELLED),
      new Transition(RUNNING, SUSPEND, SUSPENDED),
      new Transition(SUSPENDED, RESUME, RUNNING),
      new Transition(SUSPENDED, SUCCEED, SUCCEEDED),
      new Transition(SUSPENDED, FAIL, FAILED),
      new Transition(SUSPENDED, LOSE, LOST),
      new Transition(SUSPENDED, CANCEL, CANCELLED),
      new Transition(SUSPENDED, PREEMPT, PREEMPTED),
      new Transition(PREEMPTED, REQUEUE, PENDING),
      new Transition(PREEMPTED, CANCEL, CANCELLED),
      new Transition(LOST, REQUEUE, PENDING),
      new Transition(LOST, FAIL, FAILED),
      new Transition(LOST, CANCEL, CANCELLED));

  private static final Map<TaskState, Map<TaskEvent, TaskState>> BY_STATE = index();

  private TaskLifecycle() {
  }

  /** Every allowed transition, in table order. */
  public static List<Transition> table() {
    return TABLE;
  }

  /** Where {@code event} takes a task in state {@code from}, or empty when the table forbids it. */
  public static Optional<TaskState> next(TaskState from, TaskEvent event) {
    return Optional.ofNullable(BY_STATE.get(from).get(event));
  }

  /**
   * Where {@code event} takes task {@code taskId} in state {@code from}.
   *
   * @throws IllegalTaskTransitionException when the table forbids it, naming the task and the allowed events
   */
  public static TaskState apply(String taskId, TaskState from, TaskEvent event) {
    return next(from, event).orElseThrow(() -> new IllegalTaskTransitionException(taskId, from, event));
  }

  /** The events allowed in {@code from}, in table order (empty for terminal states). */
  public static List<TaskEvent> eventsFrom(TaskState from) {
    return List.copyOf(BY_STATE.get(from).keySet());
  }

  /** The table as a Mermaid state diagram, for the docs. */
  public static String mermaid() {
    StringBuilder out = new StringBuilder("stateDiagram-v2\n    [*] --> PENDING\n");
    for (Transition t : TABLE) {
      out.append("    ").append(t.from()).append(" --> ").append(t.to()).append(" : ")
          .append(t.event().name().toLowerCase(Locale.ROOT)).append('\n');
    }
    for (TaskState s : TaskState.values()) {
      if (s.terminal()) {
        out.append("    ").append(s).append(" --> [*]\n");
      }
    }
    return out.toString();
  }

  private static Map<TaskState, Map<TaskEvent, TaskState>> index() {
    Map<TaskState, Map<TaskEvent, TaskState>> m = new EnumMap<>(TaskState.class);
    for (TaskState s : TaskState.values()) {
      m.put(s, new EnumMap<>(TaskEvent.class));
    }
    for (Transition t : TABLE) {
      if (m.get(t.from()).putIfAbsent(t.event(), t.to()) != null) {
        throw new IllegalStateException("two rows for " + t.from() + " + " + t.event());
      }
    }
    m.replaceAll((k, v) -> Collections.unmodifiableMap(v));
    return Collections.unmodifiableMap(m);
  }
}
