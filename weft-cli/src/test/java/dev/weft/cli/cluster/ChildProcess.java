package dev.weft.cli.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code weft} command in a child JVM on the test class path; its output lines are kept (and echoed with a tag). */
final class ChildProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on (https?://127\\.0\\.0\\.1:\\d+)/api/v1");
  private final String tag;
  private final Process process;
  private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

  private ChildProcess(String tag, Process process) {
    this.tag = tag;
    this.process = process;
    Thread.ofPlatform().daemon().name("child-" + tag).start(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          lines.add(line);
          System.out.println("[" + tag + "] " + line);
        }
      } catch (IOException e) {
        lines.add("(output closed: " + e.getMessage() + ")");
      }
    });
  }

  static ChildProcess weft(String tag, List<String> args) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), "dev.weft.cli.WeftCommand"));
    cmd.addAll(args);
    return new ChildProcess(tag, new ProcessBuilder(cmd).redirectErrorStream(true).start());
  }

  /** The first group of the first output line matching {@code pattern}, waiting up to {@code max}. */
  Optional<String> await(Pattern pattern, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (System.nanoTime() < deadline) {
      synchronized (lines) {
        for (String l : lines) {
          Matcher m = pattern.matcher(l);
          if (m.find()) {
            return Optional.of(m.groupCount() > 0 ? m.group(1) : l);
          }
        }
      }
      if (!process.isAlive()) {
        return Optional.empty();
      }
      Thread.sleep(100);
    }
    return Optional.empty();
  }

  String output() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** kill -9. */
  void killHard() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM, then SIGKILL if it does not stop within 30 s. */
  @Override
  public void close() throws InterruptedException {
    process.toHandle().destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /**
   * {@code weft agent} joined to {@code servers} (one {@code --server} each, tried in turn) with an agent token,
   * its data under {@code dir/name} and runs in {@code dir/name-work}.
   */
  static ChildProcess agent(String name, String topology, List<String> servers, String token, java.nio.file.Path dir)
      throws IOException {
    return agent(name, name, topology, servers, token, dir);
  }

  /** As above, with its data and runs under {@code dir/tag} and {@code dir/tag-work}. */
  static ChildProcess agent(String tag, String name, String topology, List<String> servers, String token,
                            java.nio.file.Path dir) throws IOException {
    List<String> args = new ArrayList<>(List.of("agent"));
    servers.forEach(s -> args.addAll(List.of("--server", s)));
    args.addAll(List.of("--token", token, "--name", name,
        "--topology", topology, "--cpus", "2", "--memory", "1Gi", "--heartbeat", "500ms",
        "--data-dir", dir.resolve(tag).toString(), "--work-dir", dir.resolve(tag + "-work").toString(),
        "--enforcement", "none", "--label", "e2e=yes"));
    return weft(tag, args);
  }

  /** A free port on loopback (free when asked; a server started at once gets it). */
  static int freeLoopbackPort() throws IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** The base URL a {@code weft server} prints when it listens, waiting up to {@code max}; fails with its output. */
  String awaitListening(Duration max) throws InterruptedException {
    return await(LISTENING, max).orElseThrow(() -> new AssertionError(tag + " did not start:\n" + output()));
  }

  String tag() {
    return tag;
  }
}
