package dev.weft.cli;

import dev.weft.cli.agent.AgentCommand;
import dev.weft.cli.client.ApplyCommand;
import dev.weft.cli.client.InstanceCommand;
import dev.weft.cli.client.JobCommand;
import dev.weft.cli.client.NodesCommand;
import dev.weft.cli.client.QueuesCommand;
import dev.weft.cli.client.ServiceCommand;
import dev.weft.cli.client.WorkerCommand;
import dev.weft.cli.client.TaskCommand;
import dev.weft.cli.demo.DemoCommand;
import dev.weft.cli.simulate.SimulateCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code weft}: the single entry point of the runnable jar. Subcommands are listed in the
 * {@code subcommands} attribute below, and nowhere else.
 */
@Command(name = "weft", mixinStandardHelpOptions = true, versionProvider = WeftVersion.class,
    description = "Service orchestration and hierarchical task scheduling.",
    subcommands = {
        SimulateCommand.class,
        DemoCommand.class,
        RunCommand.class,
        ConformanceCommand.class,
        AgentCommand.class,
        ServerCommand.class,
        ApplyCommand.class,
        InstanceCommand.class,
        JobCommand.class,
        TaskCommand.class,
        NodesCommand.class,
        QueuesCommand.class,
        ServiceCommand.class,
        WorkerCommand.class,
        CommandLine.HelpCommand.class,
    })
public final class WeftCommand implements Callable<Integer> {
  /** Exit code of a run that succeeded. */
  public static final int OK = 0;
  /** Exit code when the work itself failed (e.g. a workflow faulted). */
  public static final int WORK_FAILED = 1;
  /** Exit code of bad input or usage. */
  public static final int BAD_INPUT = 2;

  @Spec
  CommandSpec spec;

  /** {@code weft} alone prints its usage and counts as a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return BAD_INPUT;
  }

  /** The command line with Weft's error handling; tests call {@code execute} on it in-process. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new WeftCommand());
    cli.setExpandAtFiles(false); // '@file' is ours (weft run --input @in.json), not picocli's argument files
    cli.setParameterExceptionHandler(new OneLineErrors());
    cli.setExecutionExceptionHandler(new OneLineErrors());
    return cli;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
