package dev.weft.server.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.lifecycle.TaskState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependenciesTest {
  record T(String id, List<String> deps) {}

  private static Map<T, String> unrunnable(List<T> pending, Map<String, TaskState> states) {
    return Dependencies.unrunnable(pending, T::id, T::deps, states);
  }

  @Test
  void aFailedOrCancelledDependencyDoomsItsDependentsAndTheirsHoweverListed() {
    T c = new T("c", List.of("b"));
    T b = new T("b", List.of("a"));
    T e = new T("e", List.of("d"));
    T waits = new T("w", List.of("r"));
    Map<T, String> never = unrunnable(List.of(c, waits, b, e),
        Map.of("a", TaskState.FAILED, "d", TaskState.CANCELLED, "r", TaskState.RUNNING));
    assertThat(never).containsOnlyKeys(c, b, e);
    assertThat(never.get(b)).isEqualTo("never runs: it depends on a, which ended FAILED");
    assertThat(never.get(c)).isEqualTo("never runs: it depends on b, which never runs either");
    assertThat(never.get(e)).isEqualTo("never runs: it depends on d, which ended CANCELLED");
    assertThat(never.keySet()).as("in the order given").containsExactly(c, b, e);
  }

  @Test
  void tasksWaitingForDependenciesNotYetEndedOrSucceededAreNotAffected() {
    T x = new T("x", List.of("p", "s", "l"));
    assertThat(unrunnable(List.of(x), Map.of("p", TaskState.PENDING, "s", TaskState.SUCCEEDED, "l", TaskState.LOST)))
        .isEmpty();
    assertThat(unrunnable(List.of(new T("y", List.of("unknown"))), Map.of())).isEmpty();
  }
}
