package dev.weft.agent.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class WithBuiltinsTest {
  /** Stands for the process executor: records what reached it. */
  static final class Processes implements TaskRunner {
    final List<String> launched = new ArrayList<>();

    @Override
    public CompletableFuture<TaskOutcome> launch(TaskCommand command) {
      launched.add(command.taskId());
      return new CompletableFuture<>();
    }

    @Override
    public boolean kill(String taskId, String why) {
      return launched.contains(taskId);
    }

    @Override
    public Optional<SuspendMethod> suspend(String taskId) {
      return Optional.empty();
    }

    @Override
    public boolean resume(String taskId) {
      return false;
    }

    @Override
    public Set<String> running() {
      return Set.copyOf(launched);
    }
  }

  private final Processes processes = new Processes();
  private final WithBuiltins runner = new WithBuiltins(Builtins.standard(), processes);

  @Test
  void noopSucceedsAtOnceWithoutStartingAProcess() {
    CompletableFuture<TaskOutcome> outcome = runner.launch(TaskCommand.builtin("t1", "noop"));
    assertThat(outcome).isCompletedWithValue(new TaskOutcome("t1", TaskStatus.SUCCEEDED, 0, "builtin noop"));
    assertThat(processes.launched).isEmpty();
    assertThat(runner.running()).isEmpty();
  }

  @Test
  void anUnknownBuiltinIsRefusedNamingTheTaskAndWhatTheAgentHas() {
    assertThatThrownBy(() -> runner.launch(TaskCommand.builtin("t2", "sleep-forever")))
        .isInstanceOf(TaskStartException.class)
        .hasMessage("task t2: this agent has no builtin 'sleep-forever' (it has: noop)");
  }

  @Test
  void programsGoToTheProcessRunnerAndSoDoKills() {
    runner.launch(TaskCommand.shell("t3", "true"));
    assertThat(processes.launched).containsExactly("t3");
    assertThat(runner.running()).containsExactly("t3");
    assertThat(runner.kill("t3", "cancelled")).isTrue();
  }

  @Test
  void aCommandIsEitherAProgramOrABuiltin() {
    assertThatThrownBy(() -> new TaskCommand("t4", List.of("true"), null, null, 0, 0, null, null, "noop"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("task t4: give either argv or a builtin");
    assertThatThrownBy(() -> new TaskCommand("t5", List.of(), null, null, 0, 0, null, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("task t5: give either argv or a builtin");
  }
}
