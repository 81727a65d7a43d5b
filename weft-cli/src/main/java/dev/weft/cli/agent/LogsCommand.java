package dev.weft.cli.agent;

import dev.weft.agent.logs.LogReader;
import dev.weft.agent.logs.LogStream;
import dev.weft.agent.logs.TaskLogs;
import dev.weft.agent.state.StateDir;
import dev.weft.cli.UsageException;
import dev.weft.cli.WeftCommand;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weft agent logs ID [--stderr] [--follow]}: prints a task's output kept by the agent on this
 * machine; with {@code --follow}, keeps printing while the task runs (the agent's record of it
 * exists). The cluster-wide {@code weft task logs ID --follow} reads the copy the agent ships to the
 * server (the newest 8 MiB of each stream); this command reads the whole files on the machine (kept
 * for the agent's {@code --log-retention}, 7 days by default).
 */
@Command(name = "logs", mixinStandardHelpOptions = true,
    description = "Print the output of a task run by the agent on this machine; --follow streams it until the task ends.")
final class LogsCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  AgentOptions agent;

  @Parameters(index = "0", paramLabel = "ID", description = "The task id.")
  String taskId;

  @Option(names = "--stderr", description = "Print stderr instead of stdout.")
  boolean stderr;

  @Option(names = {"-f", "--follow"}, description = "Keep printing new output until the task ends.")
  boolean follow;

  @Override
  public Integer call() throws InterruptedException {
    TaskLogs logs = new TaskLogs(agent.dataDir.resolve("logs"));
    LogStream stream = stderr ? LogStream.STDERR : LogStream.STDOUT;
    StateDir state = new StateDir(agent.dataDir.resolve("state"));
    boolean running = state.records().stream().anyMatch(r -> r.taskId().equals(taskId));
    if (!running && !Files.exists(logs.file(taskId, stream))) {
      throw new UsageException("no task " + taskId + " has run under " + agent.dataDir.toAbsolutePath());
    }
    LogReader reader = logs.reader(taskId, stream);
    PrintWriter out = spec.commandLine().getOut();
    reader.follow(0, c -> {
      out.print(c.text());
      out.flush();
    }, () -> !follow || state.records().stream().noneMatch(r -> r.taskId().equals(taskId)), Duration.ofMillis(200));
    return WeftCommand.OK;
  }
}
