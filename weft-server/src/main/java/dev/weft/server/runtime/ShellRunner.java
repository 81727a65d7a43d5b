package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.workflow.decide.Command;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code run: shell}: {@code command} (run by {@code sh -c} when it has no {@code arguments}),
 * {@code arguments} (an array or an object whose values are appended), {@code environment},
 * {@code stdin} (the text the command reads on its standard input), plus
 * {@code WEFT_IDEMPOTENCY_KEY} = the command's deterministic id (a command repeated after a crash
 * gets the same one, so a script can skip work it did). {@link #run} runs it here; a server
 * hands the same program to an agent as a task ({@link TaskCommands}). The result is stdout (the
 * DSL's default {@code return}); a non-zero exit code is a runtime fault whose detail has the
 * code and stderr.
 */
final class ShellRunner {
  /** What runs for a shell or script step: the program, the environment added, the text on stdin (null: none). */
  record Program(List<String> argv, Map<String, String> env, String stdin) {}

  /** The step's {@code run.return} the decider put in a shell or script spec; null means stdout. */
  static String returnMode(JsonNode spec) {
    return spec.path("return").isTextual() ? spec.get("return").asText() : null;
  }

  private ShellRunner() {}

  static JsonNode run(Command.RunShell c) throws CommandFault {
    return run(new Program(argv(c), env(c), stdin(c)), returnMode(c.shell()), "Shell command", c.step());
  }

  /**
   * Runs {@code p} here; the result is what {@code mode} ({@code run.return}) says; a non-zero exit
   * is a runtime fault titled {@code title}, unless {@code mode} takes the exit code.
   */
  static JsonNode run(Program p, String mode, String title, String step) throws CommandFault {
    LocalProcess.Ended e = LocalProcess.run(p.argv(), p.env(), 0, p.stdin(), step);
    if (e.exitCode() != 0 && !TaskResults.takesExitCode(mode)) {
      throw new CommandFault(TaskResults.failed(title, e.exitCode(), null, e.stderr(), step));
    }
    return TaskResults.process(mode, e.exitCode(), e.stdout(), e.stderr());
  }

  /** The step's {@code stdin}, evaluated, as text (a non-string value as JSON); null when it has none. */
  static String stdin(Command.RunShell c) {
    return text(c.shell().get("stdin"));
  }

  static String text(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return null;
    }
    return value.isTextual() ? value.asText() : value.toString();
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
    return env(c.shell(), c.id());
  }

  /** {@code spec.environment} (a non-string value as JSON) and {@code WEFT_IDEMPOTENCY_KEY} = {@code commandId}. */
  static Map<String, String> env(JsonNode spec, String commandId) {
    Map<String, String> env = new LinkedHashMap<>();
    spec.path("environment").properties().forEach(e -> env.put(e.getKey(), text(e.getValue()) == null ? "" : text(e.getValue())));
    env.put("WEFT_IDEMPOTENCY_KEY", commandId);
    return env;
  }
}
