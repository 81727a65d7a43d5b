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
 * instead). Stdin is closed; stdout and stderr are read whole.
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
    ProcessBuilder pb = new ProcessBuilder(argv);
    pb.environment().putAll(env);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new CommandFault("runtime", 500, "Process failed", "cannot start " + argv.getFirst() + ": " + e.getMessage(), step);
    }
    try {
      p.getOutputStream().close();
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
      CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
      boolean ended = timeoutMillis <= 0 ? p.waitFor() >= Integer.MIN_VALUE : p.waitFor(timeoutMillis, TimeUnit.MILLISECONDS);
      if (!ended) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new CommandFault("timeout", 408, "Timed out", argv.getFirst() + " ran longer than " + timeoutMillis + " ms", step);
      }
      return new Ended(p.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new CommandFault("runtime", 500, "Process failed", e.getMessage(), step);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new CommandFault("runtime", 500, "Process interrupted", argv.getFirst(), step);
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
