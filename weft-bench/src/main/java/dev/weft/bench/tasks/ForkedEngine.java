package dev.weft.bench.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One engine's part of {@code weft bench tasks} (its warm-up, its measured run and, for Weft, the paced
 * run) in a JVM of its own: the same java and class path as this one, told to run that engine alone
 * in-process ({@code --same-jvm}) and print its report as JSON, which is read back here. Its log lines
 * are passed on to this run's log as they come.
 */
final class ForkedEngine {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MAIN = "dev.weft.bench.BenchCommand";
  private final TasksBench.Settings settings;
  private final PrintStream log;

  /** @param settings one engine, {@code forkEach} off */
  ForkedEngine(TasksBench.Settings settings, PrintStream log) {
    if (settings.engines().size() != 1 || settings.forkEach()) {
      throw new IllegalArgumentException("a forked JVM runs one engine in-process, got " + settings);
    }
    this.settings = settings;
    this.log = log;
  }

  record Result(Throughput throughput, Latency latency) {}

  /** The command line of the JVM. */
  List<String> command() {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), MAIN, "tasks", "--json", "--same-jvm",
        "--engine", engine(), "--tasks", String.valueOf(settings.tasks()), "--rate", String.valueOf(settings.rate()),
        "--seconds", String.valueOf(settings.seconds()), "--warmup", String.valueOf(settings.warmupTasks()),
        "--db", settings.db()));
    if (settings.quick()) {
      cmd.add("--quick");
    }
    return cmd;
  }

  private String engine() {
    return settings.engines().getFirst();
  }

  /** Runs the JVM to its end; an engine whose JVM printed no report is reported as not measured, with why. */
  Result run() {
    log.printf("%s: in a JVM of its own%n", engine());
    Process p;
    try {
      p = new ProcessBuilder(command()).start();
    } catch (IOException e) {
      return failed("its JVM did not start: " + e.getMessage());
    }
    Thread relay = Thread.ofPlatform().daemon().name("bench-" + engine() + "-log").start(() -> relay(p.getErrorStream()));
    String out;
    int exit;
    try {
      p.getOutputStream().close();
      out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      exit = p.waitFor();
      relay.join();
    } catch (IOException e) {
      p.destroyForcibly();
      return failed("reading its JVM's report: " + e.getMessage());
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      return failed("interrupted");
    }
    return parse(out, exit);
  }

  /** The engine's figures from its JVM's JSON report ({@link TasksReport#json}) and exit code. */
  Result parse(String out, int exit) {
    JsonNode report;
    try {
      report = JSON.readTree(out.strip().isEmpty() ? "null" : out);
    } catch (IOException e) {
      report = null;
    }
    if (report == null || !report.path("results").isArray() || report.path("results").isEmpty()) {
      return failed(String.format(Locale.ROOT, "its JVM exited %d without a report (its log is above)", exit));
    }
    JsonNode r = report.path("results").get(0);
    Throughput t = TasksReport.throughputOf(r);
    Latency l = engine().equals("weft") ? TasksReport.latencyOf(report.path("latency"))
        : Latency.failed(settings.rate(), settings.seconds(), "not run (--engine)");
    return new Result(t, l);
  }

  private Result failed(String why) {
    log.printf("%s failed: %s%n", engine(), why);
    return new Result(new Throughput(engine(), settings.tasks(), 0, 0, "a JVM of its own", "failed: " + why),
        Latency.failed(settings.rate(), settings.seconds(), "not run: " + why));
  }

  private void relay(InputStream err) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(err, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        log.println(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
