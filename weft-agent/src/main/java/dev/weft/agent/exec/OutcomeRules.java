package dev.weft.agent.exec;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns {@link ExitFacts} into a {@link TaskOutcome}; pure. In order: a kernel OOM kill in the
 * task's cgroup wins (the timeout or kill that may follow is a consequence); then a stop the agent
 * asked for; then exit 0; then, under a memory rlimit, an allocation-failure message on stderr;
 * anything else failed.
 */
public final class OutcomeRules {
  /** Lines that runtimes print when an allocation fails (Python, glibc tools, JVM, C++, Go, libc errno). */
  static final List<String> ALLOCATION_FAILURES = List.of("memoryerror", "memory exhausted", "out of memory",
      "outofmemoryerror", "std::bad_alloc", "cannot allocate memory");

  private OutcomeRules() {}

  public static TaskOutcome judge(String taskId, ExitFacts f) {
    Integer code = f.exitCode();
    boolean exitedZero = code != null && code == 0;
    if (f.oomKills() > 0 && !exitedZero) {
      return new TaskOutcome(taskId, TaskStatus.OUT_OF_MEMORY, code,
          "killed by the kernel OOM killer at its cgroup memory limit (" + f.oomKills() + " kill"
              + (f.oomKills() == 1 ? "" : "s") + ")");
    }
    if (f.requestedStop() != null) {
      return new TaskOutcome(taskId, f.requestedStop(), code, f.stopDetail());
    }
    if (exitedZero) {
      return new TaskOutcome(taskId, TaskStatus.SUCCEEDED, 0, "exited 0");
    }
    if (f.memoryByRlimit() && code != null) {
      Optional<String> line = allocationFailure(f.stderrTail());
      if (line.isPresent()) {
        return new TaskOutcome(taskId, TaskStatus.OUT_OF_MEMORY, code,
            "an allocation failed under its memory rlimit: " + line.get());
      }
    }
    if (code == null) {
      return new TaskOutcome(taskId, TaskStatus.FAILED, null, "exit status lost (the wrapper was killed)");
    }
    return new TaskOutcome(taskId, TaskStatus.FAILED, code,
        code > 128 && code < 160 ? "died of signal " + (code - 128) : "exited " + code);
  }

  /** The last stderr line that reads like a failed allocation. */
  static Optional<String> allocationFailure(String stderrTail) {
    if (stderrTail == null) {
      return Optional.empty();
    }
    List<String> lines = stderrTail.lines().toList();
    for (int i = lines.size() - 1; i >= 0; i--) {
      String lower = lines.get(i).toLowerCase(Locale.ROOT);
      if (ALLOCATION_FAILURES.stream().anyMatch(lower::contains)) {
        return Optional.of(lines.get(i).strip());
      }
    }
    return Optional.empty();
  }
}
