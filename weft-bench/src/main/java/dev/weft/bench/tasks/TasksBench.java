package dev.weft.bench.tasks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code weft bench tasks}: Weft, db-scheduler and JobRunr one after the other, each on a fresh
 * schema of the same PostgreSQL that is dropped afterwards. An engine that fails is reported as not
 * measured, with the reason, and the others still run. By default each engine (its warm-up and its
 * measured run) runs in a JVM of its own ({@link ForkedEngine}), as JMH forks each benchmark: in one
 * JVM an engine run later found the JDBC driver, the pool and the JDK's collections already compiled
 * by the engine before it, and its CPU per task was lower by the JIT work the first one paid.
 */
public final class TasksBench {
  public static final String DEFAULT_DB = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  /**
   * @param tasks no-op tasks per engine
   * @param rate tasks per second of Weft's paced latency run
   * @param seconds how long the paced run submits
   * @param warmupTasks no-op tasks each engine runs first, on a schema of its own, not measured (the
   *     JIT compiles each engine's path before its figure is taken, as JMH's warm-up iterations do)
   * @param forkEach whether each engine runs in a JVM of its own (else all in this one, in turn)
   */
  public record Settings(String db, int tasks, int rate, int seconds, boolean quick, List<String> engines,
                         int warmupTasks, boolean forkEach) {
    public Settings {
      engines = List.copyOf(engines);
    }

    /** All engines in this JVM. */
    public Settings(String db, int tasks, int rate, int seconds, boolean quick, List<String> engines, int warmupTasks) {
      this(db, tasks, rate, seconds, quick, engines, warmupTasks, false);
    }

    /** Without a warm-up, all engines in this JVM. */
    public Settings(String db, int tasks, int rate, int seconds, boolean quick, List<String> engines) {
      this(db, tasks, rate, seconds, quick, engines, 0);
    }

    public static Settings full(String db) {
      return new Settings(db, 20_000, 1_000, 10, false, ENGINES, 5_000, true);
    }

    public static Settings quick(String db) {
      return new Settings(db, 2_000, 1_000, 2, true, ENGINES, 200, true);
    }

    /** The same run of {@code engine} alone, in this JVM (what a forked JVM is told to do). */
    Settings alone(String engine) {
      return new Settings(db, tasks, rate, seconds, quick, List.of(engine), warmupTasks, false);
    }
  }

  public static final List<String> ENGINES = List.of("weft", "db-scheduler", "jobrunr");

  private final Settings settings;
  private final PrintStream log;

  public TasksBench(Settings settings, PrintStream log) {
    this.settings = settings;
    this.log = log;
  }

  /** @throws IllegalArgumentException when the database URL is not PostgreSQL or does not answer */
  public TasksReport run() {
    try {
      PostgresSchema.check(settings.db());
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (settings.forkEach()) {
      return forked();
    }
    List<Throughput> results = new ArrayList<>();
    Latency latency = Latency.failed(settings.rate(), settings.seconds(), "not run (--engine)");
    if (settings.engines().contains("weft")) {
      warmUp("weft", url -> new WeftTasks(url, log).warmUp(settings.warmupTasks()));
      latency = runWeft(results);
    }
    if (settings.engines().contains("db-scheduler")) {
      warmUp("dbscheduler", url -> new DbSchedulerTasks(url, log).run(settings.warmupTasks()));
      runDbScheduler(results);
    }
    if (settings.engines().contains("jobrunr")) {
      warmUp("jobrunr", url -> new JobRunrTasks(url, log).run(settings.warmupTasks()));
      runJobRunr(results);
    }
    return new TasksReport(settings, results, latency);
  }

  /** Each chosen engine in a JVM of its own, in the usual order; their figures side by side. */
  private TasksReport forked() {
    List<Throughput> results = new ArrayList<>();
    Latency latency = Latency.failed(settings.rate(), settings.seconds(), "not run (--engine)");
    for (String engine : ENGINES) {
      if (!settings.engines().contains(engine)) {
        continue;
      }
      ForkedEngine.Result r = new ForkedEngine(settings.alone(engine), log).run();
      results.add(r.throughput());
      if (engine.equals("weft")) {
        latency = r.latency();
      }
    }
    return new TasksReport(settings, results, latency);
  }

  /** A run whose figure is thrown away. */
  interface WarmUp {
    Throughput run(String url) throws InterruptedException;
  }

  /** Runs the engine on {@code warmupTasks} first, on a schema of its own; a failure here is logged and the measured run still goes. */
  private void warmUp(String engine, WarmUp run) {
    if (settings.warmupTasks() < 1) {
      return;
    }
    try (PostgresSchema schema = PostgresSchema.create(settings.db(), engine + "_warmup")) {
      Throughput t = run.run(schema.url());
      log.printf("%s warm-up: %d of %d tasks in %.2f s (not measured)%n", engine, t.completed(), t.tasks(), t.seconds());
    } catch (RuntimeException | InterruptedException e) {
      interruptedAgain(e);
      log.printf("%s warm-up failed: %s%n", engine, e);
    }
  }

  private Latency runWeft(List<Throughput> results) {
    Latency latency;
    try (PostgresSchema schema = PostgresSchema.create(settings.db(), "weft")) {
      WeftTasks.Results weft = new WeftTasks(schema.url(), log).run(settings.tasks(), settings.rate(), settings.seconds());
      results.add(weft.throughput());
      latency = weft.latency();
    } catch (RuntimeException | InterruptedException e) {
      interruptedAgain(e);
      results.add(failed("weft", WeftCluster.settings(), e));
      latency = Latency.failed(settings.rate(), settings.seconds(), "not run: " + e.getMessage());
    }
    return latency;
  }

  private void runDbScheduler(List<Throughput> results) {
    try (PostgresSchema schema = PostgresSchema.create(settings.db(), "dbscheduler")) {
      results.add(new DbSchedulerTasks(schema.url(), log).run(settings.tasks()));
    } catch (RuntimeException | InterruptedException e) {
      interruptedAgain(e);
      results.add(failed("db-scheduler", DbSchedulerTasks.settings(), e));
    }
  }

  private void runJobRunr(List<Throughput> results) {
    try (PostgresSchema schema = PostgresSchema.create(settings.db(), "jobrunr")) {
      results.add(new JobRunrTasks(schema.url(), log).run(settings.tasks()));
    } catch (RuntimeException | InterruptedException e) {
      interruptedAgain(e);
      results.add(failed("jobrunr", JobRunrTasks.settings(0).replace(" (0 here)", ""), e));
    }
  }

  private Throughput failed(String engine, String engineSettings, Exception e) {
    log.printf("%s failed: %s%n", engine, e);
    return new Throughput(engine, settings.tasks(), 0, 0, engineSettings, "failed: " + e.getMessage());
  }

  private static void interruptedAgain(Exception e) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
  }
}
