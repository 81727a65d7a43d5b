package dev.weft.server.runtime;

import dev.weft.model.TaskRun;
import dev.weft.server.secrets.SecretMask;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * A task's run (argv, environment names and values, stdin) through a {@link SecretMask}: masked when
 * the task is stored, revealed when it is handed to an agent. Every string goes through the
 * mask, so a literal mark in the user's text survives the round trip.
 */
final class TaskRunMask {
  private TaskRunMask() {}

  static TaskRun redact(SecretMask mask, TaskRun run) {
    return map(run, mask::redact);
  }

  static TaskRun reveal(SecretMask mask, TaskRun run) {
    return map(run, mask::reveal);
  }

  /** The secret names the run's tokens refer to that {@code mask} has no value for. */
  static Set<String> unknown(SecretMask mask, TaskRun run) {
    Set<String> out = new TreeSet<>();
    run.argv().forEach(a -> out.addAll(mask.unknownIn(a)));
    run.env().forEach((k, v) -> {
      out.addAll(mask.unknownIn(k));
      out.addAll(mask.unknownIn(v));
    });
    if (run.stdin() != null) {
      out.addAll(mask.unknownIn(run.stdin()));
    }
    return out;
  }

  /** Whether any string of the run holds the mark a token or an escaped mark starts with. */
  static boolean marked(TaskRun run) {
    return run.argv().stream().anyMatch(TaskRunMask::marked)
        || run.env().entrySet().stream().anyMatch(e -> marked(e.getKey()) || marked(e.getValue()))
        || marked(run.stdin());
  }

  private static boolean marked(String s) {
    return s != null && s.indexOf('\u27EA') >= 0;
  }

  private static TaskRun map(TaskRun run, UnaryOperator<String> f) {
    Map<String, String> env = new LinkedHashMap<>();
    run.env().forEach((k, v) -> env.put(f.apply(k), f.apply(v)));
    return new TaskRun(run.builtin(), run.argv().stream().map(f).toList(), env, run.timeoutMillis(),
        run.stdin() == null ? null : f.apply(run.stdin()));
  }
}
