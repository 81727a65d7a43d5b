package dev.weft.cli.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.agent.enforce.Confiner;
import dev.weft.agent.exec.ProcessExecutor;
import dev.weft.agent.exec.ProcessTable;
import dev.weft.agent.exec.RunningTask;
import dev.weft.agent.exec.Signals;
import dev.weft.agent.exec.TaskCommand;
import dev.weft.agent.exec.TaskOutcome;
import dev.weft.agent.exec.TaskStartException;
import dev.weft.agent.exec.TaskStatus;
import dev.weft.agent.logs.LogStream;
import dev.weft.agent.logs.TaskLogs;
import dev.weft.agent.state.StateDir;
import dev.weft.cli.UsageException;
import dev.weft.cli.WeftCommand;
import dev.weft.model.codec.DurationParser;
import dev.weft.model.codec.QuantityParser;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weft agent exec [--cpu Q] [--memory Q] [--timeout D] -- CMD ARGS...}: runs one task here,
 * fenced like an assigned task, streams its stdout and stderr while it runs, then prints how it
 * ended. Exit 0 when it succeeded, 1 otherwise, 2 for bad usage.
 */
@Command(name = "exec", mixinStandardHelpOptions = true,
    description = "Run one task on this machine with its cpu and memory enforced, and report how it ended.")
final class ExecCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec
  CommandSpec spec;

  @Mixin
  AgentOptions agent;

  @Option(names = "--cpu", paramLabel = "Q", description = "The cpu request: CPUs (0.5) or millicores (500m); none by default.")
  String cpu;

  @Option(names = "--memory", paramLabel = "Q", description = "The memory request, e.g. 256Mi; none by default.")
  String memory;

  @Option(names = "--timeout", paramLabel = "D", description = "Kill the task's process group after this long, e.g. 30s.")
  String timeout;

  @Option(names = "--grace", paramLabel = "D", description = "Time between SIGTERM and SIGKILL (default ${DEFAULT-VALUE}).")
  String grace = "10s";

  @Option(names = "--id", paramLabel = "ID", description = "The task id (names its logs); default exec-<random>.")
  String id;

  @Option(names = "--json", description = "Print the outcome as one JSON object on stdout (the task's output is not streamed).")
  boolean json;

  @Parameters(paramLabel = "CMD", arity = "1..*", description = "The program and its arguments (put -- before them).")
  List<String> argv;

  @Override
  public Integer call() throws Exception {
    TaskCommand cmd = new TaskCommand(id == null ? "exec-" + UUID.randomUUID().toString().substring(0, 8) : id,
        argv, Map.of(), null, ProbeCommand.quantity("--cpu", cpu, QuantityParser::cpuMillis).orElse(0),
        ProbeCommand.quantity("--memory", memory, QuantityParser::mebibytes).orElse(0),
        Duration.ofMillis(ProbeCommand.quantity("--timeout", timeout, DurationParser::millis).orElse(0)),
        Duration.ofMillis(ProbeCommand.quantity("--grace", grace, DurationParser::millis).getAsLong()));
    Confiner confiner = agent.confiner();
    ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    try {
      TaskLogs logs = new TaskLogs(agent.dataDir.resolve("logs"));
      ProcessExecutor executor = new ProcessExecutor(confiner, logs, new StateDir(agent.dataDir.resolve("state")),
          timers, ProcessTable.live(), new Signals());
      RunningTask task = start(executor, cmd);
      if (!json) {
        stream(logs, task);
      }
      return report(task.outcome().get(), confiner);
    } finally {
      timers.shutdownNow();
    }
  }

  private static RunningTask start(ProcessExecutor executor, TaskCommand cmd) {
    try {
      return executor.start(cmd);
    } catch (TaskStartException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** Copies the task's stdout and stderr to ours while it runs (stderr whole once it has ended). */
  private void stream(TaskLogs logs, RunningTask task) throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    logs.reader(task.taskId(), LogStream.STDOUT).follow(0, c -> {
      out.print(c.text());
      out.flush();
    }, () -> task.outcome().isDone(), Duration.ofMillis(100));
    PrintWriter err = spec.commandLine().getErr();
    err.print(logs.reader(task.taskId(), LogStream.STDERR).read(0, 1 << 20).text());
    err.flush();
  }

  private int report(TaskOutcome o, Confiner confiner) throws Exception {
    if (json) {
      ObjectNode n = JSON.valueToTree(o);
      n.put("enforcement", confiner.enforcement().kind().label());
      spec.commandLine().getOut().println(JSON.writeValueAsString(n));
      spec.commandLine().getOut().flush();
    } else {
      PrintWriter err = spec.commandLine().getErr();
      err.println("weft: task " + o.taskId() + " " + o.status() + (o.exitCode() == null ? "" : " (exit " + o.exitCode()
          + ")") + ": " + o.detail() + " [enforcement: " + confiner.enforcement().summary() + "]");
      err.flush();
    }
    return o.status() == TaskStatus.SUCCEEDED ? WeftCommand.OK : WeftCommand.WORK_FAILED;
  }
}
