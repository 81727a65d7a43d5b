package dev.weft.agent.state;

import dev.weft.agent.exec.ExitFacts;
import dev.weft.agent.exec.GroupReaper;
import dev.weft.agent.exec.OutcomeRules;
import dev.weft.agent.exec.ProcessTable;
import dev.weft.agent.exec.TaskOutcome;
import java.util.List;
import java.util.OptionalLong;

/**
 * Run once when an agent starts: finds the tasks an earlier agent on this state directory left
 * behind. A task whose wrapper still runs (same pid and start time) is an {@link Orphan.Alive}: the
 * caller kills it ({@link #kill}) or hands it to {@code ProcessExecutor.adopt}. A task that ended
 * while no agent watched is an {@link Orphan.Ended} with its outcome judged from the exit file.
 */
public final class OrphanSweep {
  private final StateDir state;
  private final ProcessTable procs;
  private final GroupReaper reaper;

  public OrphanSweep(StateDir state, ProcessTable procs, GroupReaper reaper) {
    this.state = state;
    this.procs = procs;
    this.reaper = reaper;
  }

  /** What was left behind. Ended tasks are cleaned up (leftover processes, cgroup, record) here. */
  public List<Orphan> find() {
    return state.records().stream().map(this::classify).toList();
  }

  private Orphan classify(TaskRecord r) {
    if (procs.running(r.pid(), r.startTicks())) {
      return new Orphan.Alive(r);
    }
    // A live process now holding the pid (a different start time) proves the old group is gone and
    // the id reused; its members are not ours, so only the cgroup is cleared then.
    boolean pidReused = procs.stat(r.pid()).filter(s -> s.startTicks() != r.startTicks()).isPresent();
    long oomKills = reaper.reap(pidReused ? OptionalLong.empty() : OptionalLong.of(r.pid()), r.cgroup());
    Integer code = state.exitCode(r.taskId()).orElse(null);
    TaskOutcome outcome = OutcomeRules.judge(r.taskId(), new ExitFacts(code, null, null, oomKills, false, ""));
    state.forget(r.taskId());
    return new Orphan.Ended(r, outcome);
  }

  /** Kills a live orphan's whole process group and cgroup and forgets it. */
  public void kill(Orphan.Alive orphan) {
    TaskRecord r = orphan.record();
    reaper.reap(r.pid(), r.cgroup());
    state.forget(r.taskId());
  }
}
