package dev.weft.scheduler.placement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Node;
import dev.weft.model.Resources;
import dev.weft.model.TaskSpec;
import dev.weft.model.TopologyPath;
import dev.weft.scheduler.api.ScorerWeights;
import dev.weft.scheduler.backfill.ReservationBook;
import dev.weft.scheduler.resources.ResourceSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * GPU devices seen through the real placement pipeline: the derived free values keep the fit
 * filter, the subtree maxima and the pruning right.
 */
class GpuPlacementTest {
  static Resources share(long milli) {
    return new Resources(1000, 1024, 0, 0, Map.of(Resources.GPU_MILLI, milli));
  }

  static Resources whole(long gpus) {
    return new Resources(1000, 1024, 0, gpus, Map.of());
  }

  static Node gpuNode(String id, int gpus, String rack) {
    return new Node(id, new Resources(64_000, 256 * 1024, 0, gpus, Map.of()), Map.of(), List.of(),
        TopologyPath.parse("r/z/" + rack));
  }

  /** A tree, its plugins and placer over {@code nodes}, for tasks asking any of {@code shapes}. */
  record Cluster(ResourceSpace space, TopologyTree tree, Placer placer, PlacementPlugins plugins) {
    static Cluster of(List<Node> nodes, ScorerWeights weights, Resources... shapes) {
      List<Resources> seen = new ArrayList<>(List.of(shapes));
      nodes.forEach(n -> seen.add(n.capacity()));
      ResourceSpace space = ResourceSpace.of(seen);
      TopologyTree tree = new TopologyTree(nodes, space);
      PlacementPlugins plugins = new PlacementPlugins(space, weights, new AffinityIndex(),
          new ReservationBook(tree.nodes().stream().map(NodeState::free).toList()));
      return new Cluster(space, tree, new Placer(tree, plugins), plugins);
    }

    /** Places the task and holds it; the node's id, or null when nothing fits. */
    String place(String id, Resources r) {
      TaskSpec t = TaskSpec.builder(id).resources(r).build();
      long[] need = space.vector(r);
      int i = placer.place(new PlacementRequest(t, need, 0, Long.MAX_VALUE));
      if (i < 0) {
        return null;
      }
      tree.hold(i, t, need);
      return tree.nodes().get(i).id();
    }

    NodeState node(String id) {
      return tree.nodes().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
    }
  }

  @Test
  void aShareOf600NeverLandsOnANodeWhoseDevicesEachHave500OrLessFree() {
    Cluster c = Cluster.of(List.of(gpuNode("halves", 2, "r1"), gpuNode("spare", 1, "r2")), ScorerWeights.defaults(),
        share(500));
    assertThat(c.place("a", share(500))).isEqualTo("halves");
    assertThat(c.place("b", share(510))).isEqualTo("halves");
    assertThat(c.node("halves").gpuDevices()).hasToString("[500, 490]");
    assertThat(c.node("halves").free()[c.space().gpuMilliDim()]).isEqualTo(500);
    assertThat(c.node("halves").free()[ResourceSpace.GPU]).isZero();

    assertThat(c.place("big", share(600))).isEqualTo("spare");
    assertThat(c.place("another", share(600))).isNull();
    PlacementRequest r = new PlacementRequest(TaskSpec.builder("x").resources(share(600)).build(),
        c.space().vector(share(600)), 0, Long.MAX_VALUE);
    assertThat(c.placer().explain(r)).containsEntry("insufficient gpu-milli", 2);
  }

  @Test
  void wholeGpusNeedFullyFreeDevicesNotFreeMilliAddingUp() {
    Cluster c = Cluster.of(List.of(gpuNode("nibbled", 2, "r1")), ScorerWeights.defaults(), share(10));
    c.place("a", share(10));
    c.place("b", share(995));
    assertThat(c.node("nibbled").gpuDevices()).hasToString("[990, 5]");
    assertThat(c.place("one-whole", whole(1))).isNull();
    assertThat(c.place("fits-the-rest", share(990))).isEqualTo("nibbled");
  }

  @Test
  void aNodeWithoutGpusTakesNoGpuTask() {
    Node cpuOnly = new Node("cpu", Resources.of(64_000, 1024 * 1024), Map.of(), List.of(), null);
    Cluster c = Cluster.of(List.of(cpuOnly), ScorerWeights.defaults(), share(100));
    assertThat(c.place("s", share(100))).isNull();
    assertThat(c.place("w", whole(1))).isNull();
    assertThat(c.place("c", Resources.of(1000, 10))).isEqualTo("cpu");
  }

  @Property(tries = 40)
  void theTreeNeverOvercommitsADeviceAndFindsRoomWheneverSomeNodeHasIt(
      @ForAll @IntRange(min = 1, max = 10_000) int seed, @ForAll boolean bestFit) {
    Random random = new Random(seed);
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      nodes.add(gpuNode("n" + i, random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(8), "r" + i % 3));
    }
    Cluster c = Cluster.of(nodes, bestFit ? ScorerWeights.bestFitting() : ScorerWeights.defaults(), share(1));
    List<Object[]> holding = new ArrayList<>();
    for (int step = 0; step < 300; step++) {
      if (!holding.isEmpty() && random.nextInt(4) == 0) {
        Object[] done = holding.remove(random.nextInt(holding.size()));
        c.tree().release((Integer) done[0], (TaskSpec) done[1], (long[]) done[2]);
        continue;
      }
      Resources r = random.nextBoolean() ? share(1 + random.nextInt(1000)) : whole(1 + random.nextInt(4));
      TaskSpec t = TaskSpec.builder("t" + step).resources(r).build();
      long[] need = c.space().vector(r);
      int i = c.placer().place(new PlacementRequest(t, need, 0, Long.MAX_VALUE));
      assertThat(i >= 0).as("placed %s iff some node's devices can take it", r).isEqualTo(someNodeCanTake(c, r));
      if (i >= 0) {
        c.tree().hold(i, t, need);
        holding.add(new Object[] {i, t, need});
      }
      assertNoDeviceOvercommittedAndAggregatesExact(c);
    }
  }

  private static boolean someNodeCanTake(Cluster c, Resources r) {
    for (NodeState n : c.tree().nodes()) {
      GpuDevices d = n.gpuDevices();
      if (d == null) {
        continue;
      }
      int room = 0;
      for (int k = 0; k < d.count(); k++) {
        if (r.gpus() > 0 ? d.free(k) == 1000 : d.free(k) >= r.gpuMilli()) {
          room++;
        }
      }
      if (room >= Math.max(1, r.gpus())) {
        return true;
      }
    }
    return false;
  }

  private static void assertNoDeviceOvercommittedAndAggregatesExact(Cluster c) {
    long[] max = new long[c.space().size()];
    java.util.Arrays.fill(max, Long.MIN_VALUE);
    for (NodeState n : c.tree().nodes()) {
      GpuDevices d = n.gpuDevices();
      for (int k = 0; d != null && k < d.count(); k++) {
        assertThat(d.free(k)).as("device %d of %s", k, n.id()).isBetween(0, 1000);
      }
      for (int dim = 0; dim < max.length; dim++) {
        max[dim] = Math.max(max[dim], n.free()[dim]);
      }
    }
    assertThat(c.tree().root().maxFree).containsExactly(max);
  }
}
