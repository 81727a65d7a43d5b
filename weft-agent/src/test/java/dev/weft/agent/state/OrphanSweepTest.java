package dev.weft.agent.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.agent.exec.GroupReaper;
import dev.weft.agent.exec.ProcStat;
import dev.weft.agent.exec.Rig;
import dev.weft.agent.exec.RunningTask;
import dev.weft.agent.exec.Signals;
import dev.weft.agent.exec.TaskCommand;
import dev.weft.agent.exec.TaskOutcome;
import dev.weft.agent.exec.TaskStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent that comes back finds the tasks its predecessor left: running ones are killed or
 * adopted, ended ones are reported from their exit file. The predecessor is an executor that
 * {@code abandon()}s its tasks, as a crashed agent would; the processes are real.
 */
class OrphanSweepTest {
  @TempDir
  Path tmp;

  private static OrphanSweep sweep(Rig rig) {
    return new OrphanSweep(rig.state, rig.procs, new GroupReaper(rig.procs, new Signals()));
  }

  @Test
  void a_running_orphan_is_found_and_killed_with_its_whole_group() throws Exception {
    try (Rig before = new Rig(tmp, Rig.bestConfiner())) {
      Path gc = tmp.resolve("gc.pid");
      RunningTask t = before.executor.start(TaskCommand.shell(Rig.id("orphan"), "sleep 600 & echo $! > " + gc + "; wait"));
      assertThat(Rig.eventually(() -> size(gc) > 0)).isTrue();
      long grandchild = Long.parseLong(Files.readString(gc).trim());
      before.executor.abandon();

      try (Rig after = new Rig(tmp, Rig.bestConfiner())) {
        List<Orphan> found = sweep(after).find();
        assertThat(found).singleElement().isInstanceOf(Orphan.Alive.class);
        assertThat(found.get(0).record().pid()).isEqualTo(t.pid());

        sweep(after).kill((Orphan.Alive) found.get(0));

        assertThat(after.stat(t.pid()).map(ProcStat::running)).isIn(Optional.empty(), Optional.of(false));
        assertThat(after.stat(grandchild).map(ProcStat::running)).isIn(Optional.empty(), Optional.of(false));
        assertThat(after.state.records()).isEmpty();
        t.cgroup().ifPresent(g -> assertThat(g.dirs()).allSatisfy(d -> assertThat(d).doesNotExist()));
      }
    }
  }

  @Test
  void a_running_orphan_can_be_adopted_and_its_exit_status_is_still_learned() throws Exception {
    try (Rig before = new Rig(tmp, Rig.bestConfiner())) {
      Path go = tmp.resolve("go");
      String id = Rig.id("adopt");
      before.executor.start(TaskCommand.shell(id, "while [ ! -e " + go + " ]; do sleep 0.05; done; echo bye; exit 3"));
      before.executor.abandon();

      try (Rig after = new Rig(tmp, Rig.bestConfiner())) {
        Orphan.Alive orphan = (Orphan.Alive) sweep(after).find().get(0);
        RunningTask adopted = after.executor.adopt(orphan.record(), Duration.ofMillis(50));
        Files.createFile(go);

        TaskOutcome o = adopted.outcome().get(1, TimeUnit.MINUTES);

        assertThat(o.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(o.exitCode()).isEqualTo(3);
        assertThat(after.out(id)).isEqualTo("bye\n"); // output kept flowing to the same file
        assertThat(after.state.records()).isEmpty();
      }
    }
  }

  @Test
  void an_orphan_its_agent_had_suspended_goes_on_once_adopted() throws Exception {
    try (Rig before = new Rig(tmp, Rig.bestConfiner())) {
      Path go = tmp.resolve("go-suspended");
      String id = Rig.id("suspended");
      before.executor.start(TaskCommand.shell(id, "while [ ! -e " + go + " ]; do sleep 0.05; done; echo done"));
      assertThat(before.executor.suspend(id)).isPresent();
      Files.createFile(go);
      Thread.sleep(300);
      assertThat(before.out(id)).as("stopped: it does not see the file").isEmpty();
      before.executor.abandon();

      try (Rig after = new Rig(tmp, Rig.bestConfiner())) {
        Orphan.Alive orphan = (Orphan.Alive) sweep(after).find().get(0);
        RunningTask adopted = after.executor.adopt(orphan.record(), Duration.ofMillis(50));
        TaskOutcome o = adopted.outcome().get(1, TimeUnit.MINUTES);
        assertThat(o.status()).as("let go on by the new agent, it saw the file and ended").isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(after.out(id)).isEqualTo("done\n");
      }
    }
  }

  @Test
  void a_task_that_ended_while_no_agent_watched_is_reported_from_its_exit_file() throws Exception {
    try (Rig before = new Rig(tmp, Rig.bestConfiner())) {
      String id = Rig.id("ended");
      RunningTask t = before.executor.start(TaskCommand.shell(id, "exit 4"));
      before.executor.abandon();
      assertThat(Rig.eventually(() -> !before.procs.running(t.pid(), t.startTicks()))).isTrue();

      try (Rig after = new Rig(tmp, Rig.bestConfiner())) {
        List<Orphan> found = sweep(after).find();
        assertThat(found).singleElement().isInstanceOf(Orphan.Ended.class);
        TaskOutcome o = ((Orphan.Ended) found.get(0)).outcome();
        assertThat(o.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(o.exitCode()).isEqualTo(4);
        assertThat(after.state.records()).isEmpty();
      }
    }
  }

  static long size(Path p) {
    try {
      return Files.exists(p) ? Files.size(p) : 0;
    } catch (java.io.IOException e) {
      return 0;
    }
  }
}
