package dev.weft.server.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program in this process's machine and waits for it: what {@code weft run} does with a
 * {@code run: shell} step or a {@code process} service call (a server hands them to agents
 * instead). Stdin is the text given, or closed at once; stdout and stderr are read whole.
 */
final class LocalProcess {
  /** How a run ended. */
  record Ended(int exitCode, String stdout, String stderr) {}

  private LocalProcess() {}

  /**
   * Runs {@code argv} with {@code env} added to this process's environment.
   *
   * @param timeoutMillis 0 for no limit; past it the process is killed and this is a timeout fault
   * @throws CommandFault when the program cannot be started, times out, or the wait is interrupted
   */
  static Ended run(List<String> argv, Map<String, String> env, long timeoutMillis, String step) throws CommandFault {
    return run(argv, env, timeoutMillis, null, step);
  }

  /** As above, {@code stdin} written to the program's standard input (null: closed at once). */
  static Ended run(List<String> argv, Map<String, String> env, long timeoutMillis, String stdin, String step)
      throws CommandFault {
    ProcessBuilder pb = new ProcessBuilder(argv);
    pb.environment().putAll(env);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new CommandFault("runtime", 500, "Process failed", "cannot start " + argv.getFirst() + ": " + e.getMessage(), step);
    }
    try {
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
      CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
      Thread.ofVirtual().name("stdin-" + p.pid()).start(() -> write(p, stdin));
      boolean ended = timeoutMillis <= 0 ? p.waitFor() >= Integer.MIN_VALUE : p.waitFor(timeoutMillis, TimeUnit.MILLISECONDS);
      if (!ended) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new CommandFault("timeout", 408, "Timed out", argv.getFirst() + " ran longer than " + timeoutMillis + " ms", step);
      }
      return new Ended(p.exitValue(), out.join(), err.join());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new CommandFault("runtime", 500, "Process interrupted", argv.getFirst(), step);
    }
  }

  /** Writes the text and closes stdin; a program that exits without reading it all is no fault. */
  private static void write(Process p, String stdin) {
    try (var in = p.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      // the program closed its stdin (or ended) before reading everything: what it read is its business
    }
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
