package dev.weft.agent.exec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Sends signals with the system {@code kill} program: the JDK can signal one process (TERM, KILL)
 * but neither a process group nor STOP/CONT. A target that is already gone is not an error.
 */
public final class Signals {
  /** Signals every process of group {@code pgid}. */
  public void toGroup(long pgid, Signal signal) {
    run(List.of("--", "-" + pgid), signal);
  }

  /** Signals each of the pids. */
  public void toPids(Collection<Long> pids, Signal signal) {
    if (pids.isEmpty()) {
      return;
    }
    List<String> args = new ArrayList<>(List.of("--"));
    pids.forEach(p -> args.add(Long.toString(p)));
    run(args, signal);
  }

  private static void run(List<String> targets, Signal signal) {
    List<String> cmd = new ArrayList<>(List.of("kill", "-s", signal.name()));
    cmd.addAll(targets);
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      p.waitFor();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run kill: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
