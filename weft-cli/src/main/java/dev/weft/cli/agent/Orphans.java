package dev.weft.cli.agent;

import dev.weft.agent.exec.GroupReaper;
import dev.weft.agent.exec.ProcessExecutor;
import dev.weft.agent.protocol.AgentLoop;
import java.time.Duration;
import dev.weft.agent.exec.ProcessTable;
import dev.weft.agent.exec.Signals;
import dev.weft.agent.state.Orphan;
import dev.weft.agent.state.OrphanSweep;
import dev.weft.agent.state.StateDir;

/**
 * What an agent joining a server does with the tasks an earlier agent on the same data directory
 * left: re-adopts the live ones and reports the ended ones.
 */
final class Orphans {
  private Orphans() {}

  /**
   * Hands what an earlier agent on this data directory left to {@code loop}: a task still running
   * is adopted (watched until it ends, then reported), a task that ended meanwhile is reported with
   * its outcome. Returns how many were adopted.
   */
  static int adopt(StateDir state, ProcessExecutor executor, AgentLoop loop) {
    ProcessTable procs = ProcessTable.live();
    OrphanSweep sweep = new OrphanSweep(state, procs, new GroupReaper(procs, new Signals()));
    int adopted = 0;
    for (Orphan o : sweep.find()) {
      switch (o) {
        case Orphan.Alive alive -> {
          loop.adopt(alive.record().taskId(), executor.adopt(alive.record(), Duration.ofMillis(500)).outcome());
          adopted++;
        }
        case Orphan.Ended ended -> loop.endedWhileAway(ended.outcome());
      }
    }
    return adopted;
  }
}
