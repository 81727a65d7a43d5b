package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.weft.workflow.decide.Errors;

/**
 * What a finished process means to the workflow, the same whether it ran here ({@code weft run})
 * or on an agent: a {@code run: shell} or {@code run: script} step returns what its {@code return}
 * says ({@link #process}; by default its stdout as a string); a {@code process} service returns its stdout parsed as JSON when it parses,
 * else the string; a non-zero exit is a runtime error naming the exit code with the stderr tail.
 */
final class TaskResults {
  static final int STDERR_SHOWN = 2000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private TaskResults() {}

  static JsonNode shellOutput(String stdout) {
    return TextNode.valueOf(stdout == null ? "" : stdout);
  }

  static JsonNode serviceOutput(String stdout) {
    String text = stdout == null ? "" : stdout.strip();
    if (!text.isEmpty()) {
      try {
        return JSON.readTree(text);
      } catch (java.io.IOException e) {
        // not JSON: the text itself is the output
      }
    }
    return TextNode.valueOf(stdout == null ? "" : stdout);
  }

  /**
   * A shell or script step's result by its {@code run.return}: {@code stdout} (the default) or
   * {@code stderr} as a string, {@code code} the exit code, {@code all} the DSL's process result
   * {@code {code, stdout, stderr}}, {@code none} null.
   */
  static JsonNode process(String mode, int exitCode, String stdout, String stderr) {
    return switch (mode == null ? "stdout" : mode) {
      case "stderr" -> TextNode.valueOf(stderr == null ? "" : stderr);
      case "code" -> IntNode.valueOf(exitCode);
      case "all" -> JSON.createObjectNode().put("code", exitCode).put("stdout", stdout == null ? "" : stdout)
          .put("stderr", stderr == null ? "" : stderr);
      case "none" -> NullNode.getInstance();
      default -> shellOutput(stdout);
    };
  }

  /** Whether a step with this {@code run.return} takes a non-zero exit as its result ({@code code}, {@code all}) rather than a fault. */
  static boolean takesExitCode(String mode) {
    return "code".equals(mode) || "all".equals(mode);
  }

  /** The error of a process that exited with {@code exitCode}; {@code why} is the agent's verdict (may be null). */
  static JsonNode failed(String what, Integer exitCode, String why, String stderr, String step) {
    StringBuilder detail = new StringBuilder(what).append(" failed: ")
        .append(exitCode == null ? "no exit code" : "exit code " + exitCode);
    if (why != null && !why.isBlank()) {
      detail.append(" (").append(why.strip()).append(')');
    }
    String tail = stderr == null ? "" : stderr.strip();
    if (!tail.isEmpty()) {
      detail.append(": ").append(tail.length() > STDERR_SHOWN ? "..." + tail.substring(tail.length() - STDERR_SHOWN) : tail);
    }
    return Errors.of("runtime", 500, "Process failed", detail.toString(), step);
  }
}
