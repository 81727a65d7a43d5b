package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.weft.workflow.decide.Errors;

/**
 * What a finished process means to the workflow, the same whether it ran here ({@code weft run})
 * or on an agent: a {@code run: shell} step returns its stdout as a string (the DSL's default
 * {@code return}); a {@code process} service returns its stdout parsed as JSON when it parses,
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
