package dev.weft.cli.agent;

import dev.weft.cli.WeftCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code weft agent}: the agent's local commands. Joining a server ({@code --server URL --token T})
 * needs the server's agent endpoints, which do not exist yet; until then the agent core is used
 * through these commands and the Java API.
 */
@Command(name = "agent", mixinStandardHelpOptions = true,
    description = "The agent: probe this machine, run a task on it with its resources enforced.",
    subcommands = {ProbeCommand.class, ExecCommand.class, LogsCommand.class})
public final class AgentCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return WeftCommand.BAD_INPUT;
  }
}
