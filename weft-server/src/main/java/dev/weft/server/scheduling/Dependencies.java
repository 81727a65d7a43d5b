package dev.weft.server.scheduling;

import dev.weft.model.lifecycle.TaskState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which DAG tasks can never run: a pending task depending on a task that ended without succeeding
 * ({@code FAILED} or {@code CANCELLED}, both final), or on such a task in turn, however deep. The
 * scheduler cancels them, naming the dependency, so that a failed step ends its job instead of
 * leaving the tasks after it waiting for good (what a {@code dependsOn} means in Argo or Airflow,
 * and Slurm's {@code --kill-on-invalid-dep}). A task only waiting for a dependency still pending or
 * running is not affected.
 */
final class Dependencies {
  private Dependencies() {
  }

  /**
   * The tasks of {@code pending} (each with its dependencies, by id) that can never run, in the order
   * given, each with the reason; {@code states} has the state of every task they depend on (a
   * dependency not in it is taken as not ended).
   */
  static <T> Map<T, String> unrunnable(List<T> pending, Function<T, String> id, Function<T, List<String>> dependsOn,
                                       Map<String, TaskState> states) {
    Map<String, String> never = new LinkedHashMap<>();
    boolean found = true;
    while (found) { // until nothing more is found: a task cancelled here dooms the tasks depending on it
      found = false;
      for (T t : pending) {
        if (never.containsKey(id.apply(t))) {
          continue;
        }
        for (String d : dependsOn.apply(t)) {
          TaskState s = never.containsKey(d) ? TaskState.CANCELLED : states.get(d);
          if (s == TaskState.FAILED || s == TaskState.CANCELLED) {
            never.put(id.apply(t), "never runs: it depends on " + d + ", which "
                + (never.containsKey(d) ? "never runs either" : "ended " + s));
            found = true;
            break;
          }
        }
      }
    }
    Map<T, String> out = new LinkedHashMap<>();
    for (T t : pending) {
      String why = never.get(id.apply(t));
      if (why != null) {
        out.put(t, why);
      }
    }
    return out;
  }
}
