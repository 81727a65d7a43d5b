package dev.weft.agent.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.agent.exec.Rig;
import dev.weft.agent.exec.TaskCommand;
import dev.weft.model.Resources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop driving the real process executor: a task assigned by the (in-memory) server runs and its end is reported. */
class AgentLoopWithProcessesTest {
  @TempDir
  Path tmp;

  @Test
  void an_assigned_process_runs_and_its_outcome_is_reported() throws Exception {
    InMemoryProtocol server = new InMemoryProtocol();
    SettableClock clock = new SettableClock();
    try (Rig rig = new Rig(tmp, Rig.bestConfiner())) {
      NodeInfo node = new NodeInfo("host-1", Resources.of(2000, 1024), Map.of(), null, rig.executor.enforcement());
      AgentLoop loop = new AgentLoop(server, rig.executor, node, LoopSettings.defaults(), clock);
      String ok = Rig.id("ok");
      String bad = Rig.id("bad");
      server.queued.add(new Assignment.Start(TaskCommand.shell(ok, "echo done").withLimits(500, 64)));
      server.queued.add(new Assignment.Start(TaskCommand.shell(bad, "exit 7")
          .withTimeout(Duration.ofMinutes(1), Duration.ofSeconds(1))));
      loop.tick();
      // a fast task may end before the first tick's last report, so its end is either sent or queued
      assertThat(Rig.eventually(() -> ends(server.reported()) + ends(loop.pending()) == 2)).as("both ends known")
          .isTrue();
      loop.tick();
      assertThat(server.reported()).extracting(c -> c.taskId() + " " + c.state() + " " + c.exitCode())
          .containsExactlyInAnyOrder(ok + " RUNNING null", bad + " RUNNING null", ok + " SUCCEEDED 0",
              bad + " FAILED 7");
      assertThat(rig.out(ok)).isEqualTo("done\n");
    }
  }

  private static long ends(java.util.List<StatusChange> changes) {
    return changes.stream().filter(c -> c.state() != TaskState.RUNNING).count();
  }
}
