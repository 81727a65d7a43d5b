package dev.weft.agent.exec;

import dev.weft.agent.cgroup.CgroupException;
import dev.weft.agent.enforce.Confinement;
import dev.weft.agent.enforce.Confiner;
import dev.weft.agent.enforce.Enforcement;
import dev.weft.agent.logs.LogStream;
import dev.weft.agent.logs.TaskLogs;
import dev.weft.agent.state.StateDir;
import dev.weft.agent.state.TaskRecord;
import dev.weft.model.codec.DurationParser;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks as processes on this machine, each under a {@link WrapperScript} in its own session
 * and process group, fenced by the {@link Confiner}, its output appended to its log files. When the
 * wrapper exits, whatever the task left behind is killed, its cgroup removed, and the outcome
 * judged by {@link OutcomeRules}. Timers (timeout, SIGKILL after grace) run on the given scheduler.
 */
public final class ProcessExecutor implements TaskRunner {
  private static final System.Logger log = System.getLogger(ProcessExecutor.class.getName());
  private static final int STDERR_TAIL = 4096;
  private static final int LEADER_CHECKS = 5000;
  private final Confiner confiner;
  private final TaskLogs logs;
  private final StateDir state;
  private final ScheduledExecutorService timers;
  private final ProcessTable procs;
  private final GroupReaper reaper;
  private final Map<String, RunningTask> tasks = new ConcurrentHashMap<>();
  private volatile boolean abandoned;

  public ProcessExecutor(Confiner confiner, TaskLogs logs, StateDir state, ScheduledExecutorService timers,
      ProcessTable procs, Signals signals) {
    this.confiner = confiner;
    this.logs = logs;
    this.state = state;
    this.timers = timers;
    this.procs = procs;
    this.reaper = new GroupReaper(procs, signals);
  }

  public Enforcement enforcement() {
    return confiner.enforcement();
  }

  @Override
  public CompletableFuture<TaskOutcome> launch(TaskCommand command) {
    return start(command).outcome();
  }

  /** Starts a task; see {@link #launch}. */
  public RunningTask start(TaskCommand cmd) {
    if (tasks.containsKey(cmd.taskId())) {
      throw new IllegalStateException("task " + cmd.taskId() + " is already running");
    }
    if (cmd.isBuiltin()) {
      throw new TaskStartException("task " + cmd.taskId() + ": builtin '" + cmd.builtin()
          + "' is not a program (run builtins through WithBuiltins)", null);
    }
    Confinement fence;
    try {
      fence = confiner.confine(cmd.taskId(), cmd.cpuMillis(), cmd.memoryMiB());
    } catch (CgroupException e) {
      throw new TaskStartException("task " + cmd.taskId() + ": " + e.getMessage(), e);
    }
    Process process = launch(cmd, fence);
    long ticks = awaitGroupLeader(process).map(ProcStat::startTicks).orElse(0L);
    RunningTask task = new RunningTask(cmd.taskId(), process.pid(), ticks, fence.cgroup(), fence.memoryByRlimit());
    tasks.put(cmd.taskId(), task);
    state.write(TaskRecord.of(cmd.taskId(), process.pid(), ticks, fence));
    if (!cmd.timeout().isZero()) {
      String why = "ran past its timeout of " + DurationParser.format(cmd.timeout().toMillis())
          + "; process group killed";
      task.armTimeout(() -> stop(task, TaskStatus.TIMED_OUT, why, cmd.grace()), cmd.timeout().toMillis(), timers);
    }
    process.onExit().thenRunAsync(() -> finish(task, process.exitValue()), timers);
    return task;
  }

  private Process launch(TaskCommand cmd, Confinement fence) {
    try {
      Files.deleteIfExists(state.exitFile(cmd.taskId()));
      ProcessBuilder pb = new ProcessBuilder(WrapperScript.argv(fence, state.exitFile(cmd.taskId()), cmd.argv()));
      pb.environment().putAll(cmd.env());
      if (cmd.workDir() != null) {
        pb.directory(cmd.workDir().toFile());
      }
      pb.redirectInput(ProcessBuilder.Redirect.from(stdin(cmd)));
      pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logs.file(cmd.taskId(), LogStream.STDOUT).toFile()));
      pb.redirectError(ProcessBuilder.Redirect.appendTo(logs.file(cmd.taskId(), LogStream.STDERR).toFile()));
      return pb.start();
    } catch (IOException e) {
      fence.cgroup().ifPresent(g -> g.remove());
      throw new TaskStartException("task " + cmd.taskId() + ": cannot start " + cmd.argv().get(0)
          + (cmd.workDir() == null ? "" : " in " + cmd.workDir()) + ": " + e.getMessage(), e);
    } finally {
      try { // the process has the file open (or never started): its text, maybe a secret, leaves the disk
        Files.deleteIfExists(state.stdinFile(cmd.taskId()));
      } catch (IOException e) {
        log.log(System.Logger.Level.WARNING, "cannot remove " + state.stdinFile(cmd.taskId()) + ": " + e.getMessage());
      }
    }
  }

  /** {@code /dev/null}, or a file only the agent's user can read holding the command's stdin. */
  private File stdin(TaskCommand cmd) throws IOException {
    if (cmd.stdin() == null) {
      return new File("/dev/null");
    }
    Path file = state.stdinFile(cmd.taskId());
    Files.deleteIfExists(file);
    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, cmd.stdin(), StandardCharsets.UTF_8);
    return file.toFile();
  }

  /**
   * Waits until the wrapper has called setsid (it leads its own group), so that a signal to the
   * group cannot miss it; returns its /proc entry, empty if it ended first. A few milliseconds.
   */
  private Optional<ProcStat> awaitGroupLeader(Process process) {
    for (int i = 0; i < LEADER_CHECKS; i++) {
      Optional<ProcStat> s = procs.stat(process.pid());
      if (s.map(ProcStat::pgrp).orElse(-1L) == process.pid() || !process.isAlive()) {
        return s;
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return s;
      }
    }
    process.destroyForcibly();
    throw new TaskStartException("the wrapper of a task (pid " + process.pid() + ") did not start its own "
        + "process group; is setsid installed?", null);
  }

  /**
   * Watches a task an earlier agent started and left running (see {@code OrphanSweep}): its end is
   * noticed by checking /proc every {@code every}, its exit status read from the exit file. A task
   * the earlier agent had suspended is let go on (this agent does not know it was stopped); if the
   * server still holds it suspended, it says so at the next heartbeat and the task is stopped again.
   */
  public RunningTask adopt(TaskRecord r, Duration every) {
    RunningTask task = new RunningTask(r.taskId(), r.pid(), r.startTicks(), r.cgroup(), r.memoryByRlimit());
    tasks.put(r.taskId(), task);
    continueIfStopped(task);
    task.addTimer(timers.scheduleWithFixedDelay(() -> {
      if (!procs.running(r.pid(), r.startTicks()) && tasks.get(r.taskId()) == task) {
        task.cancelTimers();
        finish(task, null);
      }
    }, 0, every.toMillis(), TimeUnit.MILLISECONDS));
    return task;
  }

  private void continueIfStopped(RunningTask task) {
    try {
      task.cgroup().ifPresent(g -> g.thaw());
      reaper.signal(task.pid(), task.cgroup(), Signal.CONT);
    } catch (RuntimeException e) {
      // gone meanwhile: its end is noticed as any adopted task's
    }
  }

  @Override
  public boolean kill(String taskId, String why) {
    RunningTask task = tasks.get(taskId);
    if (task == null) {
      return false;
    }
    stop(task, TaskStatus.KILLED, why, TaskCommand.DEFAULT_GRACE);
    return true;
  }

  /** Like {@link #kill(String, String)} with the grace given (0 sends SIGKILL right after SIGTERM). */
  public boolean kill(String taskId, String why, Duration grace) {
    RunningTask task = tasks.get(taskId);
    if (task == null) {
      return false;
    }
    stop(task, TaskStatus.KILLED, why, grace);
    return true;
  }

  private void stop(RunningTask task, TaskStatus status, String detail, Duration grace) {
    // a wrapper that has already exited ended on its own: its outcome is not the stop's
    if (!procs.running(task.pid(), task.startTicks()) || !task.requestStop(status, detail)) {
      return;
    }
    reaper.signal(task.pid(), task.cgroup(), Signal.TERM);
    resume(task.taskId()); // a stopped or frozen process only acts on TERM once it runs again
    task.addTimer(timers.schedule(() -> reaper.signal(task.pid(), task.cgroup(), Signal.KILL),
        grace.toMillis(), TimeUnit.MILLISECONDS));
  }

  @Override
  public Optional<SuspendMethod> suspend(String taskId) {
    RunningTask task = tasks.get(taskId);
    if (task == null) {
      return Optional.empty();
    }
    SuspendMethod method;
    try {
      method = task.cgroup().filter(g -> g.freeze()).isPresent() ? SuspendMethod.FREEZER : SuspendMethod.SIGSTOP;
    } catch (CgroupException e) {
      if (procs.running(task.pid(), task.startTicks())) {
        throw e;
      }
      return Optional.empty(); // it ended meanwhile; its outcome is on its way
    }
    if (method == SuspendMethod.SIGSTOP) {
      reaper.signal(task.pid(), task.cgroup(), Signal.STOP);
    }
    task.suspendedBy(method);
    task.pauseTimeout(); // a suspended task's time does not count against its timeout
    return Optional.of(method);
  }

  @Override
  public boolean resume(String taskId) {
    RunningTask task = tasks.get(taskId);
    if (task == null) {
      return false;
    }
    if (task.suspendedBy().orElse(null) == SuspendMethod.FREEZER) {
      try {
        task.cgroup().ifPresent(g -> g.thaw());
      } catch (CgroupException e) {
        if (procs.running(task.pid(), task.startTicks())) {
          throw e;
        }
        return false; // it ended meanwhile
      }
    } else {
      reaper.signal(task.pid(), task.cgroup(), Signal.CONT);
    }
    task.suspendedBy(null);
    task.resumeTimeout(timers);
    return true;
  }

  @Override
  public Set<String> running() {
    return Set.copyOf(tasks.keySet());
  }

  @Override
  public Set<String> suspended() {
    Set<String> out = new java.util.HashSet<>();
    tasks.forEach((id, t) -> t.suspendedBy().ifPresent(m -> out.add(id)));
    return out;
  }

  public Optional<RunningTask> task(String taskId) {
    return Optional.ofNullable(tasks.get(taskId));
  }

  /**
   * Stops watching every task without touching it, as a crashed agent would: the processes keep
   * running and their records stay in the state directory for the next agent to find.
   */
  public void abandon() {
    abandoned = true;
    tasks.values().forEach(RunningTask::cancelTimers);
    tasks.clear();
  }

  private void finish(RunningTask task, Integer wrapperExit) {
    if (abandoned) {
      return;
    }
    task.cancelTimers();
    String cleanupProblem = null;
    long oomKills = 0;
    try {
      oomKills = reaper.reap(task.pid(), task.cgroup());
    } catch (CgroupException e) {
      cleanupProblem = e.getMessage();
    }
    Integer code = state.exitCode(task.taskId()).orElse(wrapperExit);
    RunningTask.Stop stop = task.stop();
    String tail = task.memoryByRlimit() ? logs.reader(task.taskId(), LogStream.STDERR).tail(STDERR_TAIL) : "";
    TaskOutcome judged = OutcomeRules.judge(task.taskId(), new ExitFacts(code, stop == null ? null : stop.status(),
        stop == null ? null : stop.detail(), oomKills, task.memoryByRlimit(), tail));
    TaskOutcome outcome = cleanupProblem == null ? judged : new TaskOutcome(judged.taskId(), judged.status(),
        judged.exitCode(), judged.detail() + "; cleanup: " + cleanupProblem);
    state.forget(task.taskId());
    tasks.remove(task.taskId(), task);
    task.outcome().complete(outcome);
  }
}
