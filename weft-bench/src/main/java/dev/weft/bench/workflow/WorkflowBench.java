package dev.weft.bench.workflow;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs every cell: each engine is opened once (its databases in a fresh temporary directory) and
 * warmed up on each workflow in turn; then for each workflow and 1 then 4 threads, every engine's
 * cell. Progress goes to {@code log}; the temporary directory is deleted at the end.
 */
public final class WorkflowBench {
  public static final List<Integer> THREADS = List.of(1, 4);
  public static final List<String> ENGINES = List.of("weft-memory", "sdk-java", "weft-durable", "flowable",
      "flowable-h2-defaults");

  private final Schedule schedule;
  private final PrintStream log;
  private final List<BenchWorkflow> workflows;
  private final List<Integer> threadCounts;

  public WorkflowBench(Schedule schedule, PrintStream log) {
    this(schedule, log, List.of(BenchWorkflow.values()), THREADS);
  }

  /** Only the given workflows and thread counts (the engine warm-up still covers only those workflows). */
  public WorkflowBench(Schedule schedule, PrintStream log, List<BenchWorkflow> workflows, List<Integer> threadCounts) {
    this.schedule = schedule;
    this.log = log;
    this.workflows = List.copyOf(workflows);
    this.threadCounts = List.copyOf(threadCounts);
  }

  /**
   * Runs every cell of the named engines. All engines are opened and warmed up first; then the
   * cells run workflow by workflow and thread count by thread count, each engine in the order
   * given, so that the cells a ratio compares are measured minutes apart at most rather than a
   * whole engine's run apart (on a shared machine the load moves in between).
   */
  public List<CellResult> run(List<String> engines) {
    Path dir = tempDir();
    Map<String, Engine> opened = new LinkedHashMap<>();
    List<CellResult> cells = new ArrayList<>();
    try {
      MeasureCell measure = new MeasureCell(schedule, System::nanoTime);
      for (String name : engines) {
        try {
          opened.put(name, open(name, dir.resolve(name)));
        } catch (RuntimeException e) {
          log.printf("%s could not be opened: %s%n", name, e.getMessage());
        }
      }
      opened.values().forEach(engine -> warmUpEngine(engine, measure));
      for (BenchWorkflow w : workflows) {
        for (int threads : threadCounts) {
          for (String name : engines) {
            Engine engine = opened.get(name);
            CellResult cell = engine == null ? CellResult.failed(w, name, threads, "engine failed to open")
                : prepareAndMeasure(engine, w, threads, measure);
            log.printf("%s %s %d thread(s): %s%n", w, name, threads, cell.measured()
                ? String.format("%.0f instances/s (min %.0f, max %.0f)", cell.mean(), cell.min(), cell.max())
                : "not measured: " + cell.failure());
            cells.add(cell);
          }
        }
      }
      return cells;
    } finally {
      opened.values().forEach(Engine::close);
      delete(dir);
    }
  }

  /** Opens an engine by its report name, its database (if any) under {@code dir}. */
  static Engine open(String name, Path dir) {
    return switch (name) {
      case "weft-memory" -> new WeftMemoryEngine();
      case "weft-durable" -> new WeftDurableEngine(dir);
      case "sdk-java" -> new SdkJavaEngine();
      case "flowable" -> new FlowableEngine(dir, true);
      case "flowable-h2-defaults" -> new FlowableEngine(dir, false);
      default -> throw new IllegalArgumentException("unknown engine " + name + " (choose " + ENGINES + ")");
    };
  }

  /** Each workflow once on one thread for the warm-up time; a failure here shows again in its cell. */
  private void warmUpEngine(Engine engine, MeasureCell measure) {
    for (BenchWorkflow w : workflows) {
      try {
        long n = measure.warmUp(w, engine.name(), engine.prepare(w, 1));
        log.printf("%s %s warm-up: %d instances, outputs checked%n", w, engine.name(), n);
      } catch (RuntimeException e) {
        log.printf("%s %s warm-up failed: %s%n", w, engine.name(), e.getMessage());
      }
    }
  }

  private static CellResult prepareAndMeasure(Engine engine, BenchWorkflow w, int threads, MeasureCell measure) {
    Engine.Runner runner;
    try {
      runner = engine.prepare(w, threads);
    } catch (RuntimeException e) {
      return CellResult.failed(w, engine.name(), threads, "cannot deploy: " + e.getMessage());
    }
    return measure.measure(w, engine.name(), threads, runner);
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("weft-bench-workflow");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
