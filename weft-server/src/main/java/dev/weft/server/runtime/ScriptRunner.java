package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.workflow.decide.Command;
import dev.weft.workflow.plan.ScriptLanguage;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code run: script}: the step's {@code code} run by the language's interpreter found on the
 * {@code PATH} of whoever runs it ({@code weft run} here, an agent in server mode):
 * {@code js}/{@code javascript} by {@code node -e CODE -- script ARGS...} (so {@code process.argv}
 * is {@code [node, script, ARGS...]}, as for a script file), {@code python} by
 * {@code python3 -c CODE ARGS...} ({@code sys.argv} is {@code [-c, ARGS...]}). {@code arguments},
 * {@code environment} and {@code stdin} as for a shell step ({@link ShellRunner}); the result is
 * stdout, a non-zero exit a runtime fault with the exit code and stderr.
 */
final class ScriptRunner {
  private ScriptRunner() {}

  static JsonNode run(Command.RunScript c) throws CommandFault {
    return ShellRunner.run(program(c), ShellRunner.returnMode(c.script()), "Script", c.step());
  }

  /** What runs for the step. @throws CommandFault for a language Weft has no interpreter for, or a script without code */
  static ShellRunner.Program program(Command.RunScript c) throws CommandFault {
    JsonNode script = c.script();
    String language = script.path("language").asText("");
    JsonNode code = script.get("code");
    if (code == null || !code.isTextual()) {
      throw new CommandFault("configuration", 400, "Bad script", "run.script has no code"
          + (script.has("source") ? " (its source was not fetched when the workflow was stored)" : ""), c.step());
    }
    List<String> argv = new ArrayList<>();
    ScriptLanguage lang = ScriptLanguage.of(language).orElseThrow(() -> new CommandFault("configuration", 400,
        "Bad script", "run.script.language '" + language + "' is not one Weft runs (" + ScriptLanguage.NAMES + ")", c.step()));
    switch (lang) {
      case JS -> argv.addAll(List.of("node", "-e", code.asText(), "--", "script"));
      case PYTHON -> argv.addAll(List.of("python3", "-c", code.asText()));
    }
    script.path("arguments").forEach(a -> argv.add(ShellRunner.text(a)));
    return new ShellRunner.Program(argv, ShellRunner.env(script, c.id()), ShellRunner.text(script.get("stdin")));
  }
}
