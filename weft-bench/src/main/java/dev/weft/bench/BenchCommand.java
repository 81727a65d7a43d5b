package dev.weft.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.bench.tasks.TasksBench;
import dev.weft.bench.tasks.TasksReport;
import dev.weft.bench.workflow.BenchWorkflow;
import dev.weft.bench.workflow.CellResult;
import dev.weft.bench.workflow.Schedule;
import dev.weft.bench.workflow.WorkflowBench;
import dev.weft.bench.workflow.WorkflowReport;
import dev.weft.scheduler.api.SchedulerConfig;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code weft bench placement|replay|workflow|tasks [--quick] [--json]}. Exit codes: 0 measured, 1 the
 * benchmark itself failed (for {@code workflow}: a cell could not be measured; for {@code tasks}: an
 * engine did not complete every task), 2 bad usage. With {@code --json} stdout
 * holds exactly one JSON object; JMH's progress always goes to stderr.
 */
@Command(name = "weft bench", description = "Runs a benchmark: placement, replay, workflow or tasks.")
public final class BenchCommand implements Callable<Integer> {
  private static final String CHOICES = "placement, replay, workflow or tasks";

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new BenchCommand());
    cli.setParameterExceptionHandler((e, args) -> usageError(describe(e)));
    cli.setExecutionExceptionHandler((e, command, parsed) -> {
      System.err.println("weft bench: the benchmark failed: " + oneLine(String.valueOf(e.getMessage())));
      return 1;
    });
    return cli;
  }

  @Override
  public Integer call() {
    return usageError("name a benchmark: " + CHOICES);
  }

  @Command(name = "placement", description = "Places 50,000 tasks one at a time on 5,000 nodes"
      + " (topology tree, then the same cluster flattened).")
  int placement(
      @Option(names = "--quick", description = "Fewer iterations (under a minute).") boolean quick,
      @Option(names = "--json", description = "Print one JSON object on stdout.") boolean json) throws Exception {
    PrintStream stdout = System.out;
    PlacementReport report;
    System.setOut(System.err);
    try {
      report = new PlacementRun(quick, System.err).run();
    } finally {
      System.setOut(stdout);
    }
    stdout.print(json ? new ObjectMapper().writeValueAsString(report.json()) + System.lineSeparator() : report.text());
    stdout.flush();
    return 0;
  }

  @Command(name = "replay", description = "Times whole trace replays through the simulator (default: the full"
      + " SDSC-SP2 trace with EASY backfilling).")
  int replay(
      @Option(names = "--workload", defaultValue = "../shared/data/swf/SDSC-SP2-1998-4.2-cln.swf.gz",
          description = "An SWF file (default: ${DEFAULT-VALUE}).") Path workload,
      @Option(names = "--backfill", defaultValue = "easy", description = "none, easy, conservative or easy++.")
      String backfill,
      @Option(names = "--runs", defaultValue = "3", description = "Timed replays after one warm-up.") int runs,
      @Option(names = "--json", description = "Print one JSON object on stdout.") boolean json) throws Exception {
    SchedulerConfig.Backfill mode = switch (backfill) {
      case "none" -> SchedulerConfig.Backfill.NONE;
      case "easy" -> SchedulerConfig.Backfill.EASY;
      case "conservative" -> SchedulerConfig.Backfill.CONSERVATIVE;
      case "easy++" -> SchedulerConfig.Backfill.EASY_PLUS_PLUS;
      default -> throw new ParameterException(new CommandLine(this), "unknown backfill '" + backfill + "'");
    };
    if (runs < 1) {
      return usageError("--runs must be at least 1");
    }
    Map<String, Object> r;
    try {
      r = new ReplayRun(workload, mode, runs).run();
    } catch (IllegalArgumentException e) {
      return usageError(oneLine(e.getMessage()));
    }
    System.out.println(json ? new ObjectMapper().writeValueAsString(r)
        : String.format("replayed %s jobs with %s backfilling: median %.2f s (min %.2f, max %.2f) over %s runs",
            r.get("jobs"), backfill, r.get("secondsMedian"), r.get("secondsMin"), r.get("secondsMax"), runs));
    return 0;
  }

  @Command(name = "workflow", description = "The same three workflows on Weft (in memory, durable), the sdk-java"
      + " reference runtime and Flowable: instances per second for 1 and 4 threads, and the ratios.")
  int workflow(
      @Option(names = "--quick", description = "Short runs, about 2 s per cell (a smoke run: figures not meaningful).") boolean quick,
      @Option(names = "--json", description = "Print one JSON object on stdout.") boolean json,
      @Option(names = "--engine", split = ",", description = "Only these engines (default: all of"
          + " weft-memory, sdk-java, weft-durable, flowable, flowable-h2-defaults); ratios need both sides.") List<String> engines,
      @Option(names = "--workflow", split = ",", description = "Only these workflows (default: W1, W2, W3).") List<String> workflows,
      @Option(names = "--threads", split = ",", description = "Only these thread counts (default: 1, 4).") List<Integer> threads)
      throws Exception {
    List<String> chosen = engines == null ? WorkflowBench.ENGINES : engines;
    for (String e : chosen) {
      if (!WorkflowBench.ENGINES.contains(e)) {
        return usageError("unknown engine '" + e + "' (choose " + String.join(", ", WorkflowBench.ENGINES) + ")");
      }
    }
    List<BenchWorkflow> flows = new ArrayList<>();
    for (String w : workflows == null ? List.of("W1", "W2", "W3") : workflows) {
      try {
        flows.add(BenchWorkflow.valueOf(w.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        return usageError("unknown workflow '" + w + "' (choose W1, W2, W3)");
      }
    }
    List<Integer> threadCounts = threads == null ? WorkflowBench.THREADS : threads;
    for (int t : threadCounts) {
      if (t < 1 || t > 64) {
        return usageError("--threads must be between 1 and 64, got " + t);
      }
    }
    PrintStream stdout = System.out;
    String startedAt = Instant.now().toString();
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    List<CellResult> cells;
    System.setOut(System.err);
    try {
      cells = new WorkflowBench(quick ? Schedule.QUICK : Schedule.FULL, System.err, flows, threadCounts).run(chosen);
    } finally {
      System.setOut(stdout);
    }
    WorkflowReport report = new WorkflowReport(quick ? Schedule.QUICK : Schedule.FULL, cells, startedAt, load);
    stdout.print(json ? new ObjectMapper().writeValueAsString(report.json()) + System.lineSeparator() : report.text());
    stdout.flush();
    return cells.stream().allMatch(CellResult::measured) ? 0 : 1;
  }

  @Command(name = "tasks", description = "The same no-op tasks through Weft (server and agents over HTTP on"
      + " loopback), db-scheduler and JobRunr on one PostgreSQL: tasks completed per second, the ratios, and Weft's"
      + " submit-to-start latency at a steady rate.")
  int tasks(
      @Option(names = "--quick", description = "2,000 tasks and a 2 s paced run (a smoke run).") boolean quick,
      @Option(names = "--json", description = "Print one JSON object on stdout.") boolean json,
      @Option(names = "--tasks", paramLabel = "N", description = "No-op tasks per engine (default 20,000; 2,000"
          + " with --quick).") Integer tasks,
      @Option(names = "--rate", paramLabel = "N", description = "Tasks per second of the paced latency run"
          + " (default 1,000).") Integer rate,
      @Option(names = "--seconds", paramLabel = "S", description = "How long the paced run submits (default 10;"
          + " 2 with --quick).") Integer seconds,
      @Option(names = "--db", paramLabel = "URL", defaultValue = TasksBench.DEFAULT_DB,
          description = "The PostgreSQL to use; each engine gets a fresh schema, dropped after (default:"
              + " ${DEFAULT-VALUE}).") String db,
      @Option(names = "--engine", split = ",", description = "Only these engines (default: all of weft,"
          + " db-scheduler, jobrunr); ratios need both sides.") List<String> engines,
      @Option(names = "--warmup", paramLabel = "N", description = "Tasks each engine runs first, not measured"
          + " (default 5,000; 200 with --quick; 0: none).") Integer warmup,
      @Option(names = "--same-jvm", description = "Run the engines in turn in this JVM instead of each in a JVM of"
          + " its own (then a later engine finds code the earlier ones used already compiled).") boolean sameJvm)
      throws Exception {
    List<String> chosenEngines = engines == null ? TasksBench.ENGINES : engines;
    for (String e : chosenEngines) {
      if (!TasksBench.ENGINES.contains(e)) {
        return usageError("unknown engine '" + e + "' (choose " + String.join(", ", TasksBench.ENGINES) + ")");
      }
    }
    TasksBench.Settings base = quick ? TasksBench.Settings.quick(db) : TasksBench.Settings.full(db);
    TasksBench.Settings chosen = new TasksBench.Settings(db, tasks == null ? base.tasks() : tasks,
        rate == null ? base.rate() : rate, seconds == null ? base.seconds() : seconds, quick, chosenEngines,
        warmup == null ? base.warmupTasks() : warmup, !sameJvm && chosenEngines.size() > 1);
    if (chosen.tasks() < 1 || chosen.rate() < 10 || chosen.seconds() < 1 || chosen.warmupTasks() < 0) {
      return usageError("--tasks must be at least 1, --rate at least 10, --seconds at least 1 and --warmup at least 0");
    }
    PrintStream stdout = System.out;
    TasksReport report;
    System.setOut(System.err);
    try {
      report = new TasksBench(chosen, System.err).run();
    } catch (IllegalArgumentException e) {
      return usageError(oneLine(e.getMessage()));
    } finally {
      System.setOut(stdout);
    }
    stdout.print(json ? new ObjectMapper().writeValueAsString(report.json()) + System.lineSeparator() : report.text());
    stdout.flush();
    return report.allMeasured() ? 0 : 1;
  }

  private static String describe(ParameterException e) {
    if (e instanceof UnmatchedArgumentException u && u.getCommandLine().getParent() == null
        && !u.getUnmatched().isEmpty() && !u.getUnmatched().getFirst().startsWith("-")) {
      return "unknown benchmark '" + u.getUnmatched().getFirst() + "' (choose " + CHOICES + ")";
    }
    return oneLine(e.getMessage());
  }

  private static int usageError(String message) {
    System.err.println("weft bench: " + message);
    return 2;
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s*\\R\\s*", " ").trim();
  }
}
