package dev.weft.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link PlacementBenchmark} through JMH, once on the topology tree and once on the flattened
 * cluster, one after the other (never two benchmarks at once), and gathers a {@link PlacementReport}.
 * A flat iteration scans every node for every task, so it takes more than ten times as long as a
 * tree iteration and gets fewer of them.
 */
final class PlacementRun {
  /** Single-shot iterations of 50,000 placements each. */
  record Iterations(int warmup, int measurement) {}

  static final Iterations QUICK_TREE = new Iterations(1, 3);
  static final Iterations QUICK_FLAT = new Iterations(0, 1);
  static final Iterations FULL_TREE = new Iterations(5, 10);
  static final Iterations FULL_FLAT = new Iterations(1, 4);

  private final boolean quick;
  private final PrintStream progress;

  /** @param progress where JMH's own progress output goes (never stdout when printing JSON) */
  PlacementRun(boolean quick, PrintStream progress) {
    this.quick = quick;
    this.progress = progress;
  }

  PlacementReport run() throws RunnerException {
    Figure tree = measure("tree", quick ? QUICK_TREE : FULL_TREE);
    Figure flat = measure("flat", quick ? QUICK_FLAT : FULL_FLAT);
    var nodes = SyntheticCluster.nodes(PlacementBenchmark.NODES, PlacementBenchmark.CLUSTER_SEED);
    var tasks = SyntheticWorkload.tasks(PlacementBenchmark.TASKS, PlacementBenchmark.WORKLOAD_SEED);
    return new PlacementReport(quick ? "quick" : "full", nodes.size(), SyntheticCluster.ZONES.length,
        SyntheticCluster.racks(nodes.size()), tasks.size(), Demand.of(nodes, tasks), tree, flat,
        Runtime.getRuntime().availableProcessors());
  }

  private Figure measure(String topology, Iterations iterations) throws RunnerException {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    Options options = new OptionsBuilder()
        .include("^" + Pattern.quote(PlacementBenchmark.class.getName()) + "\\.")
        .param("topology", topology)
        .warmupIterations(iterations.warmup())
        .measurementIterations(iterations.measurement())
        .shouldFailOnError(true)
        .build();
    Collection<RunResult> results =
        new Runner(options, OutputFormatFactory.createFormatInstance(progress, VerboseMode.NORMAL)).run();
    List<RunResult> list = List.copyOf(results);
    if (list.size() != 1) {
      throw new RunnerException("expected one result for topology=" + topology + ", got " + list.size());
    }
    return Figure.of(list.getFirst(), load);
  }
}
