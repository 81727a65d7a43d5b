package dev.weft.bench;

import dev.weft.model.Node;
import dev.weft.model.Resources;
import dev.weft.model.TaskSpec;
import dev.weft.scheduler.api.ScorerWeights;
import dev.weft.scheduler.backfill.ReservationBook;
import dev.weft.scheduler.placement.AffinityIndex;
import dev.weft.scheduler.placement.NodeState;
import dev.weft.scheduler.placement.PlacementPlugins;
import dev.weft.scheduler.placement.PlacementRequest;
import dev.weft.scheduler.placement.Placer;
import dev.weft.scheduler.placement.TopologyTree;
import dev.weft.scheduler.resources.ResourceSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * One-at-a-time placement as a planning round does it: for each of 50,000 pending tasks,
 * {@link Placer#place} then {@link TopologyTree#hold}, so the cluster fills as the run goes.
 * One invocation places the whole workload into a fresh cluster (built in the untimed
 * per-iteration setup), and the score is time per placement attempt: a task that finds no node
 * still counts as an attempt, and the {@link Outcome} counters say how many were placed.
 * {@code topology=flat} runs the same tasks on the same nodes collapsed into one rack.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(PlacementBenchmark.TASKS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class PlacementBenchmark {
  static final int NODES = 5_000;
  static final int TASKS = 50_000;
  static final long CLUSTER_SEED = 20_240_601L;
  static final long WORKLOAD_SEED = 7_411L;
  private static final long NOW = 1_700_000_000_000L;

  /** {@code tree}: region/zone/rack as generated; {@code flat}: one rack of every node. */
  @Param({"tree", "flat"})
  public String topology;

  private List<Node> nodes;
  private List<TaskSpec> tasks;
  private long[][] needs;
  private ResourceSpace space;
  private TopologyTree tree;
  private Placer placer;

  /** How many of an iteration's attempts found a node; JMH reports the fields next to the score. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Outcome {
    public long placed;
    public long unplaced;

    @Setup(Level.Iteration)
    public void reset() {
      placed = 0;
      unplaced = 0;
    }
  }

  @Setup(Level.Trial)
  public void generate() {
    List<Node> generated = SyntheticCluster.nodes(NODES, CLUSTER_SEED);
    nodes = "flat".equals(topology) ? SyntheticCluster.flattened(generated) : generated;
    tasks = SyntheticWorkload.tasks(TASKS, WORKLOAD_SEED);
    List<Resources> seen = new ArrayList<>(nodes.size() + tasks.size());
    nodes.forEach(n -> seen.add(n.capacity()));
    tasks.forEach(t -> seen.add(t.resources()));
    space = ResourceSpace.of(seen);
    needs = new long[tasks.size()][];
    for (int t = 0; t < needs.length; t++) {
      needs[t] = space.vector(tasks.get(t).resources());
    }
  }

  /** A fresh, empty cluster for every iteration, wired as {@code Round} wires a planning round. */
  @Setup(Level.Iteration)
  public void freshCluster() {
    tree = new TopologyTree(nodes, space);
    List<long[]> free = new ArrayList<>(nodes.size());
    for (NodeState n : tree.nodes()) {
      free.add(n.free());
    }
    PlacementPlugins plugins = new PlacementPlugins(space, ScorerWeights.defaults(), new AffinityIndex(),
        new ReservationBook(free));
    placer = new Placer(tree, plugins);
  }

  @Benchmark
  public int placeAll(Outcome outcome) {
    int placed = 0;
    for (int t = 0; t < needs.length; t++) {
      TaskSpec task = tasks.get(t);
      int node = placer.place(new PlacementRequest(task, needs[t], NOW, task.estimateMillis()));
      if (node >= 0) {
        tree.hold(node, task, needs[t]);
        placed++;
      }
    }
    outcome.placed += placed;
    outcome.unplaced += needs.length - placed;
    return placed;
  }
}
