package dev.weft.server.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child JVM on the test classpath whose output lines can be awaited; {@link #kill()} is
 * SIGKILL on Linux ({@link Process#destroyForcibly()}).
 */
final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> seen = new ArrayList<>();

  private ChildJvm(Process process) {
    this.process = process;
    Thread.ofPlatform().daemon().name("child-output-" + process.pid()).start(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          lines.add(line);
        }
      } catch (IOException e) {
        lines.add("(output closed: " + e.getMessage() + ")");
      }
    });
  }

  static ChildJvm start(Class<?> main, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), main.getName()));
    cmd.addAll(List.of(args));
    return new ChildJvm(new ProcessBuilder(cmd).redirectErrorStream(true).start());
  }

  /** The first line (from here on) that {@code wanted} accepts; fails after {@code timeout} or if the child ends first. */
  String await(Predicate<String> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(200, TimeUnit.MILLISECONDS);
      if (line != null) {
        seen.add(line);
        if (wanted.test(line)) {
          return line;
        }
      } else if (!process.isAlive() && lines.isEmpty()) {
        throw new AssertionError("child ended (exit " + process.exitValue() + ") before the awaited line; last output:\n" + tail());
      }
    }
    throw new AssertionError("no awaited line within " + timeout + "; last output:\n" + tail());
  }

  /** The last line seen so far that starts with {@code prefix}, or "". */
  String tailLine(String prefix) {
    return seen.reversed().stream().filter(l -> l.startsWith(prefix)).findFirst().orElse("");
  }

  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("child did not exit within " + timeout + "; last output:\n" + tail());
    }
    return process.exitValue();
  }

  String tail() {
    List<String> all = new ArrayList<>(seen);
    lines.drainTo(all);
    return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
