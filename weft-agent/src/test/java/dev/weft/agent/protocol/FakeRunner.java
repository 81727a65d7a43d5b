package dev.weft.agent.protocol;

import dev.weft.agent.exec.SuspendMethod;
import dev.weft.agent.exec.TaskCommand;
import dev.weft.agent.exec.TaskOutcome;
import dev.weft.agent.exec.TaskRunner;
import dev.weft.agent.exec.TaskStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** A runner whose tasks end when the test says so; records what it was asked. */
final class FakeRunner implements TaskRunner {
  final Map<String, CompletableFuture<TaskOutcome>> tasks = new LinkedHashMap<>();
  final List<String> calls = new ArrayList<>();
  String refuse;

  @Override
  public CompletableFuture<TaskOutcome> launch(TaskCommand command) {
    calls.add("start " + command.taskId());
    if (command.taskId().equals(refuse)) {
      throw new dev.weft.agent.exec.TaskStartException(command.taskId() + ": cannot start sh in /gone: No such file or directory", null);
    }
    CompletableFuture<TaskOutcome> f = new CompletableFuture<>();
    tasks.put(command.taskId(), f);
    f.whenComplete((o, e) -> tasks.remove(command.taskId()));
    return f;
  }

  void end(String taskId, TaskStatus status, int code) {
    tasks.get(taskId).complete(new TaskOutcome(taskId, status, code, "exited " + code));
  }

  @Override
  public boolean kill(String taskId, String why) {
    calls.add("kill " + taskId + " (" + why + ")");
    return tasks.containsKey(taskId);
  }

  @Override
  public Optional<SuspendMethod> suspend(String taskId) {
    calls.add("suspend " + taskId);
    return tasks.containsKey(taskId) ? Optional.of(SuspendMethod.SIGSTOP) : Optional.empty();
  }

  @Override
  public boolean resume(String taskId) {
    calls.add("resume " + taskId);
    return tasks.containsKey(taskId);
  }

  @Override
  public Set<String> running() {
    return Set.copyOf(tasks.keySet());
  }
}
