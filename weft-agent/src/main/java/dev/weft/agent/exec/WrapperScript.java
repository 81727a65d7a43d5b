package dev.weft.agent.exec;

import dev.weft.agent.enforce.Confinement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that starts a task: {@code setsid sh -c SCRIPT weft-task ARGV...}. The shell is
 * the leader of a new session and process group (its pid is the group id), joins the task's
 * cgroup, applies the rlimits, runs ARGV as its child, writes the exit status to the exit file (so
 * an agent that restarts can still learn it) and exits with it. The shell ignores nothing: a TERM
 * sent to the group reaches the task, and the shell's own trap only lets it record the status.
 * Pure.
 */
public final class WrapperScript {
  /** The status of a wrapper that could not fence the task (cgroup join or rlimit failed). */
  public static final int FENCE_FAILED = 125;

  private WrapperScript() {}

  public static List<String> argv(Confinement fence, Path exitFile, List<String> taskArgv) {
    List<String> out = new ArrayList<>(List.of("setsid", "sh", "-c", script(fence, exitFile), "weft-task"));
    out.addAll(taskArgv);
    return out;
  }

  static String script(Confinement fence, Path exitFile) {
    StringBuilder s = new StringBuilder();
    fence.cgroup().ifPresent(g -> g.procsFiles().forEach(f -> s.append("echo $$ > ").append(quote(f.toString()))
        .append(" || { echo ").append(quote("weft: cannot join cgroup " + f)).append(" >&2; exit ")
        .append(FENCE_FAILED).append("; }\n")));
    fence.prologue().forEach(line -> s.append(line).append(" || { echo ").append(quote("weft: failed: " + line))
        .append(" >&2; exit ").append(FENCE_FAILED).append("; }\n"));
    s.append("trap : TERM INT HUP\n");
    s.append("\"$@\"\n");
    s.append("code=$?\n");
    s.append("echo $code > ").append(quote(exitFile.toString())).append("\n");
    s.append("exit $code\n");
    return s.toString();
  }

  /** Single-quotes a word for sh. */
  static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
