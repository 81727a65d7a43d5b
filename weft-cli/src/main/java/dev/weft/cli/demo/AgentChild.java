package dev.weft.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code weft agent} of the demo as a child process: the same JDK as this JVM
 * ({@code java.home}) and the same class path (the runnable jar when run with {@code java -jar}),
 * its output in {@code DIR/<node>.log}, its data and work directories under {@code DIR}.
 * {@link #stop} ends it and every process it started (tasks run in their own sessions, so they do
 * not share its fate by themselves), so nothing outlives the demo.
 */
final class AgentChild {
  private final DemoNode node;
  private final Process process;
  private final Path log;

  private AgentChild(DemoNode node, Process process, Path log) {
    this.node = node;
    this.process = process;
    this.log = log;
  }

  static AgentChild start(DemoNode node, String serverUrl, Path dir) throws IOException {
    Path home = dir.resolve(node.name());
    Files.createDirectories(home);
    Path log = dir.resolve(node.name() + ".log");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx160m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        "dev.weft.cli.WeftCommand", "agent", "--server", serverUrl, "--name", node.name(),
        "--topology", node.topology(), "--cpus", Integer.toString(node.cpus()), "--memory", node.memory(),
        "--heartbeat", "1s", "--data-dir", home.resolve("data").toString(),
        "--work-dir", home.resolve("work").toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new AgentChild(node, p, log);
  }

  DemoNode node() {
    return node;
  }

  boolean alive() {
    return process.isAlive();
  }

  /** The agent's own output, for an error message when it did not join. */
  String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  /**
   * SIGTERM to the agent and, once it has stopped (or after 10 s, SIGKILL), SIGKILL to every
   * process it had started that is still there. The descendants are listed first: once the agent
   * is gone its children are no longer known as its own.
   */
  void stop() {
    List<ProcessHandle> started = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    started.forEach(ProcessHandle::destroyForcibly);
  }

}
