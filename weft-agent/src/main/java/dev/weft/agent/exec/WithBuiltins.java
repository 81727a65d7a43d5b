package dev.weft.agent.exec;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link TaskRunner} that carries out builtin commands itself (see {@link Builtins}) and hands
 * every other command to the process runner. A builtin has ended by the time {@link #launch}
 * returns, so kill, suspend and resume only ever concern processes.
 */
public final class WithBuiltins implements TaskRunner {
  private final Builtins builtins;
  private final TaskRunner processes;

  public WithBuiltins(Builtins builtins, TaskRunner processes) {
    this.builtins = builtins;
    this.processes = processes;
  }

  @Override
  public CompletableFuture<TaskOutcome> launch(TaskCommand command) {
    return command.isBuiltin() ? CompletableFuture.completedFuture(builtins.run(command)) : processes.launch(command);
  }

  @Override
  public boolean kill(String taskId, String why) {
    return processes.kill(taskId, why);
  }

  @Override
  public Optional<SuspendMethod> suspend(String taskId) {
    return processes.suspend(taskId);
  }

  @Override
  public boolean resume(String taskId) {
    return processes.resume(taskId);
  }

  @Override
  public Set<String> running() {
    return processes.running();
  }

  @Override
  public Set<String> suspended() {
    return processes.suspended();
  }
}
