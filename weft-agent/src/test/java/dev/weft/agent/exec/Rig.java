package dev.weft.agent.exec;

import dev.weft.agent.cgroup.CgroupMounts;
import dev.weft.agent.enforce.Confiner;
import dev.weft.agent.enforce.EnforcementProbe;
import dev.weft.agent.logs.LogStream;
import dev.weft.agent.logs.TaskLogs;
import dev.weft.agent.state.StateDir;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A real executor on temporary directories, for tests: real processes, real cgroups when the host has them. */
public final class Rig implements AutoCloseable {
  public final Path dir;
  public final TaskLogs logs;
  public final StateDir state;
  public final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
  public final ProcessTable procs = ProcessTable.live();
  public final ProcessExecutor executor;

  public Rig(Path dir, Confiner confiner) {
    this.dir = dir;
    this.logs = new TaskLogs(dir.resolve("logs"));
    this.state = new StateDir(dir.resolve("state"));
    this.executor = new ProcessExecutor(confiner, logs, state, timers, procs, new Signals());
  }

  /** The best enforcement of this host, tasks under the test's own agent group. */
  public static Confiner bestConfiner() {
    return probe().detect();
  }

  public static EnforcementProbe probe() {
    return new EnforcementProbe(CgroupMounts.ofThisProcess(), "weft-test");
  }

  /** A task id no other test uses (it names a cgroup shared by every test on this host). */
  public static String id(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public TaskOutcome run(TaskCommand cmd) throws Exception {
    return executor.start(cmd).outcome().get(2, TimeUnit.MINUTES);
  }

  public String out(String taskId) {
    return logs.reader(taskId, LogStream.STDOUT).read(0, 1 << 20).text();
  }

  public String err(String taskId) {
    return logs.reader(taskId, LogStream.STDERR).read(0, 1 << 20).text();
  }

  /** Waits (bounded, not a timing assertion) until the condition holds; returns whether it did. */
  public static boolean eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 1000; i++) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(20);
    }
    return condition.getAsBoolean();
  }

  public Optional<ProcStat> stat(long pid) {
    return procs.stat(pid);
  }

  public static Duration seconds(long s) {
    return Duration.ofSeconds(s);
  }

  /** Kills what still runs and waits for it to be cleaned up (cgroup removed) before stopping the timers. */
  @Override
  public void close() {
    for (String id : executor.running()) {
      executor.task(id).ifPresent(t -> {
        executor.kill(id, "test over", Duration.ZERO);
        try {
          t.outcome().get(1, TimeUnit.MINUTES);
        } catch (Exception e) {
          throw new IllegalStateException("task " + id + " did not end after SIGKILL", e);
        }
      });
    }
    timers.shutdown();
  }
}
