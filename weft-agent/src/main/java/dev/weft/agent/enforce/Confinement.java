package dev.weft.agent.enforce;

import dev.weft.agent.cgroup.TaskCgroup;
import java.util.List;
import java.util.Optional;

/**
 * The fence put up for one task: the cgroup its wrapper joins (if any) and the shell lines the
 * wrapper runs before starting it (rlimits).
 *
 * @param cgroup the task's group, already created with its limits
 * @param prologue shell lines run by the wrapper before the task, e.g. {@code ulimit -v 262144}
 * @param memoryByRlimit true when memory is fenced by an rlimit: an allocation then fails inside the
 *     task instead of the kernel killing it, and the outcome is judged from the task's stderr
 */
public record Confinement(Optional<TaskCgroup> cgroup, List<String> prologue, boolean memoryByRlimit) {
  public static final Confinement NONE = new Confinement(Optional.empty(), List.of(), false);

  public Confinement {
    prologue = List.copyOf(prologue);
  }
}
