package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.workflow.decide.Command;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code run: shell}: {@code command} (run by {@code sh -c} when it has no {@code arguments}),
 * {@code arguments} (an array or an object whose values are appended), {@code environment}, plus
 * {@code WEFT_IDEMPOTENCY_KEY} = the command's deterministic id (a command repeated after a crash
 * gets the same one, so a script can skip work it did). {@link #run} runs it here; a server
 * hands the same program to an agent as a task ({@link TaskCommands}). The result is stdout (the
 * DSL's default {@code return}); a non-zero exit code is a runtime fault whose detail has the
 * code and stderr.
 */
final class ShellRunner {
  private ShellRunner() {}

  static JsonNode run(Command.RunShell c) throws CommandFault {
    LocalProcess.Ended e = LocalProcess.run(argv(c), env(c), 0, c.step());
    if (e.exitCode() != 0) {
      throw new CommandFault(TaskResults.failed("Shell command", e.exitCode(), null, e.stderr(), c.step()));
    }
    return TaskResults.shellOutput(e.stdout());
  }

  /** The program and its arguments. @throws CommandFault for an empty command */
  static List<String> argv(Command.RunShell c) throws CommandFault {
    JsonNode shell = c.shell();
    String command = shell.path("command").asText("");
    if (command.isBlank()) {
      throw new CommandFault("configuration", 400, "Bad shell", "run.shell.command is empty", c.step());
    }
    List<String> argv = new ArrayList<>();
    JsonNode args = shell.get("arguments");
    if (args == null || args.isEmpty()) {
      argv.addAll(List.of("sh", "-c", command));
    } else {
      argv.add(command);
      args.forEach(a -> argv.add(a.isTextual() ? a.asText() : a.toString()));
    }
    return argv;
  }

  /** The step's {@code environment} and {@code WEFT_IDEMPOTENCY_KEY}. */
  static Map<String, String> env(Command.RunShell c) {
    Map<String, String> env = new LinkedHashMap<>();
    c.shell().path("environment").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
    env.put("WEFT_IDEMPOTENCY_KEY", c.id());
    return env;
  }
}
