package dev.weft.server.runtime;

import static dev.weft.server.runtime.Snapshots.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The MCP stdio transport: the server is a child process ({@code command} and its
 * {@code arguments}, run without a shell, with {@code environment} added to this process's, a null value left out), each
 * message one line of JSON on its stdin and stdout. What it writes on stderr is its log: the last
 * part is kept for the error when it ends before answering. Lines on stdout that are not JSON are
 * skipped. Closing ends its stdin, gives it a second to exit, then kills it and its descendants.
 */
final class McpStdio implements McpTransport {
  private static final int STDERR_KEPT = 2000;

  private final Process process;
  private final String command;
  private final String step;
  private final OutputStream stdin;
  private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
  private final StringBuilder stderr = new StringBuilder();

  private McpStdio(Process process, String command, String step) {
    this.process = process;
    this.command = command;
    this.step = step;
    this.stdin = process.getOutputStream();
    Thread.ofVirtual().name("mcp-stdout").start(this::readStdout);
    Thread.ofVirtual().name("mcp-stderr").start(this::readStderr);
  }

  /** Starts the server {@code stdio} describes ({@code command}, {@code arguments}, {@code environment}). */
  static McpStdio start(JsonNode stdio, String step) throws CommandFault {
    List<String> argv = new ArrayList<>();
    argv.add(stdio.path("command").asText());
    stdio.path("arguments").forEach(a -> argv.add(a.isTextual() ? a.asText() : a.toString()));
    ProcessBuilder pb = new ProcessBuilder(argv);
    stdio.path("environment").properties().stream().filter(e -> !e.getValue().isNull()).forEach(e ->
        pb.environment().put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
    try {
      return new McpStdio(pb.start(), String.join(" ", argv), step);
    } catch (IOException e) {
      throw new CommandFault("runtime", 503, "MCP server not started", "cannot run '" + argv.get(0) + "': "
          + String.valueOf(e.getMessage()), step + "/with/transport/stdio/command");
    }
  }

  @Override
  public void send(ObjectNode message) throws CommandFault {
    byte[] line = (message.toString() + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      synchronized (stdin) {
        stdin.write(line);
        stdin.flush();
      }
    } catch (IOException e) {
      throw new CommandFault("runtime", 503, "MCP server gone", describe() + " no longer reads its input"
          + ended(), step);
    }
  }

  @Override
  public BlockingQueue<JsonNode> inbox() {
    return inbox;
  }

  @Override
  public String describe() {
    return "the MCP server '" + command + "'";
  }

  private void readStdout() {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        JsonNode message = parse(line);
        if (message != null) {
          inbox.add(message);
        }
      }
    } catch (IOException e) {
      // the stream broke: the server is gone, as at the end of its output
    }
    try {
      process.waitFor(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    inbox.add(JSON.createObjectNode().put(CLOSED, "its output ended" + ended()));
  }

  private static JsonNode parse(String line) {
    if (line.isBlank()) {
      return null;
    }
    try {
      JsonNode n = JSON.readTree(line);
      return n != null && n.isObject() ? n : null;
    } catch (IOException notJson) {
      return null; // a stray line of text: not a message
    }
  }

  private void readStderr() {
    try (var err = new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)) {
      char[] buf = new char[1024];
      for (int n = err.read(buf); n >= 0; n = err.read(buf)) {
        synchronized (stderr) {
          stderr.append(buf, 0, n);
          if (stderr.length() > 2 * STDERR_KEPT) {
            stderr.delete(0, stderr.length() - STDERR_KEPT);
          }
        }
      }
    } catch (IOException e) {
      // its log is lost from here on; nothing else depends on it
    }
  }

  /** How the process ended, when it has: its exit code and the end of its stderr. */
  private String ended() {
    if (process.isAlive()) {
      return "";
    }
    String log;
    synchronized (stderr) {
      log = stderr.length() <= STDERR_KEPT ? stderr.toString() : stderr.substring(stderr.length() - STDERR_KEPT);
    }
    return " (exit code " + process.exitValue() + (log.isBlank() ? "" : "; stderr: " + log.strip()) + ")";
  }

  @Override
  public void close() {
    try {
      stdin.close();
      if (!process.waitFor(1, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
