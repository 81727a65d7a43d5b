package dev.weft.agent.exec;

import dev.weft.agent.cgroup.CgroupException;
import dev.weft.agent.cgroup.TaskCgroup;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Signals everything that belongs to a task: its process group (the wrapper's pid) and, when it has
 * one, every process in its cgroup (which also catches a child that left the group with setsid).
 * After the task ends it kills what is left and removes the cgroup.
 */
public final class GroupReaper {
  private static final int EMPTY_CHECKS = 250;
  private final ProcessTable procs;
  private final Signals signals;

  public GroupReaper(ProcessTable procs, Signals signals) {
    this.procs = procs;
    this.signals = signals;
  }

  public void signal(long pgid, Optional<TaskCgroup> cgroup, Signal signal) {
    signals.toGroup(pgid, signal);
    cgroup.ifPresent(g -> signals.toPids(g.pids(), signal));
  }

  /**
   * Kills whatever of the task still runs, waits until its cgroup is empty, reads the cgroup's OOM
   * kill count and removes it.
   *
   * @return the OOM kills counted in the task's cgroup (0 without one)
   * @throws CgroupException when the cgroup cannot be removed, naming it
   */
  public long reap(long pgid, Optional<TaskCgroup> cgroup) {
    return reap(OptionalLong.of(pgid), cgroup);
  }

  /**
   * Like {@link #reap(long, Optional)}; with no pgid only the cgroup is cleared (used when the
   * group's pid now belongs to an unrelated process, so the group id no longer names the task).
   */
  public long reap(OptionalLong pgid, Optional<TaskCgroup> cgroup) {
    cgroup.ifPresent(g -> {
      if (g.frozen()) {
        g.thaw(); // a frozen process does not die until thawed
      }
    });
    for (int i = 0; i < EMPTY_CHECKS && !leftovers(pgid, cgroup).isEmpty(); i++) {
      pgid.ifPresent(g -> signals.toGroup(g, Signal.KILL));
      signals.toPids(leftovers(pgid, cgroup), Signal.KILL);
      pause();
    }
    long oomKills = cgroup.map(TaskCgroup::oomKills).orElse(0L);
    cgroup.ifPresent(TaskCgroup::remove);
    return oomKills;
  }

  /** The running (not zombie) processes of the group and the cgroup. */
  Set<Long> leftovers(OptionalLong pgid, Optional<TaskCgroup> cgroup) {
    Set<Long> out = new HashSet<>();
    pgid.ifPresent(g -> procs.runningInGroup(g).forEach(s -> out.add(s.pid())));
    cgroup.ifPresent(g -> g.pids().stream().filter(p -> procs.stat(p).map(ProcStat::running).orElse(false))
        .forEach(out::add));
    return out;
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
