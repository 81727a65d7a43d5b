package dev.weft.agent.exec;

import dev.weft.agent.cgroup.TaskCgroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** A task the executor started or adopted: its process group, its cgroup, and its outcome to come. */
public final class RunningTask {
  /** Why the agent stopped a task: the first request wins. */
  record Stop(TaskStatus status, String detail) {}

  private final String taskId;
  private final long pid;
  private final long startTicks;
  private final Optional<TaskCgroup> cgroup;
  private final boolean memoryByRlimit;
  private final CompletableFuture<TaskOutcome> outcome = new CompletableFuture<>();
  private final AtomicReference<Stop> stop = new AtomicReference<>();
  private final List<Future<?>> timers = new ArrayList<>();
  private volatile SuspendMethod suspendedBy;
  /** The timeout: what it does, the run time it has left, when its clock last started, its timer. */
  private Runnable onTimeout;
  private long timeoutLeftNanos;
  private long timeoutArmedAt;
  private Future<?> timeout;

  RunningTask(String taskId, long pid, long startTicks, Optional<TaskCgroup> cgroup, boolean memoryByRlimit) {
    this.taskId = taskId;
    this.pid = pid;
    this.startTicks = startTicks;
    this.cgroup = cgroup;
    this.memoryByRlimit = memoryByRlimit;
  }

  public String taskId() {
    return taskId;
  }

  /** The wrapper's pid, which is also the process group id of everything the task starts. */
  public long pid() {
    return pid;
  }

  public long startTicks() {
    return startTicks;
  }

  public Optional<TaskCgroup> cgroup() {
    return cgroup;
  }

  /** Completes once the task has ended and everything it left behind is gone. */
  public CompletableFuture<TaskOutcome> outcome() {
    return outcome;
  }

  /** How the task is suspended, or empty while it runs. */
  public Optional<SuspendMethod> suspendedBy() {
    return Optional.ofNullable(suspendedBy);
  }

  boolean memoryByRlimit() {
    return memoryByRlimit;
  }

  void suspendedBy(SuspendMethod method) {
    suspendedBy = method;
  }

  /** Records a stop request; false when one was already recorded. */
  boolean requestStop(TaskStatus status, String detail) {
    return stop.compareAndSet(null, new Stop(status, detail));
  }

  Stop stop() {
    return stop.get();
  }

  synchronized void addTimer(Future<?> timer) {
    timers.add(timer);
  }

  synchronized void cancelTimers() {
    timers.forEach(t -> t.cancel(false));
    if (timeout != null) {
      timeout.cancel(false);
    }
    onTimeout = null;
  }

  /** Runs {@code action} once the task has run {@code millis}, time spent suspended not counted. */
  synchronized void armTimeout(Runnable action, long millis, ScheduledExecutorService on) {
    onTimeout = action;
    timeoutLeftNanos = TimeUnit.MILLISECONDS.toNanos(millis);
    startTimeout(on);
  }

  /** Stops the timeout's clock (the task is suspended). */
  synchronized void pauseTimeout() {
    if (timeout != null && timeout.cancel(false)) {
      timeoutLeftNanos = Math.max(0, timeoutLeftNanos - (System.nanoTime() - timeoutArmedAt));
      timeout = null;
    }
  }

  /** Starts the timeout's clock again with what was left of it (the task is resumed). */
  synchronized void resumeTimeout(ScheduledExecutorService on) {
    if (onTimeout != null && timeout == null) {
      startTimeout(on);
    }
  }

  private void startTimeout(ScheduledExecutorService on) {
    timeoutArmedAt = System.nanoTime();
    timeout = on.schedule(onTimeout, timeoutLeftNanos, TimeUnit.NANOSECONDS);
  }
}
