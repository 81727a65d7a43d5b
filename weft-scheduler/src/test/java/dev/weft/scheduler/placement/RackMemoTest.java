package dev.weft.scheduler.placement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.LabelConstraint;
import dev.weft.model.Node;
import dev.weft.model.Resources;
import dev.weft.model.Taint;
import dev.weft.model.TaskSpec;
import dev.weft.model.Toleration;
import dev.weft.model.TopologyPath;
import dev.weft.scheduler.api.ScorerWeights;
import dev.weft.scheduler.backfill.ReservationBook;
import dev.weft.scheduler.resources.ResourceSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Remembering which racks had no room for a task shape is an optimisation: it never changes a
 * decision, also when tasks end and give room back.
 */
class RackMemoTest {
  @Property(tries = 60)
  void rememberingRacksWithNoRoomPlacesEveryTaskWhereAFullSearchWould(@ForAll @IntRange(min = 1, max = 999) int seed,
                                                                     @ForAll boolean spread) {
    java.util.Random random = new java.util.Random(seed);
    List<Node> nodes = cluster(random);
    List<TaskSpec> tasks = tasks(random, 400);
    ScorerWeights weights = spread ? ScorerWeights.spreading() : ScorerWeights.defaults();

    assertThat(decisions(nodes, tasks, weights, true, seed)).isEqualTo(decisions(nodes, tasks, weights, false, seed));
  }

  private static List<Integer> decisions(List<Node> nodes, List<TaskSpec> tasks, ScorerWeights w, boolean remember,
                                         int seed) {
    java.util.Random ends = new java.util.Random(seed);
    List<Resources> seen = new ArrayList<>();
    nodes.forEach(n -> seen.add(n.capacity()));
    ResourceSpace space = ResourceSpace.of(seen);
    TopologyTree tree = new TopologyTree(nodes, space);
    List<long[]> free = tree.nodes().stream().map(NodeState::free).toList();
    Placer placer = new Placer(tree, new PlacementPlugins(space, w, new AffinityIndex(), new ReservationBook(free)),
        remember);
    List<Integer> out = new ArrayList<>();
    List<Object[]> holding = new ArrayList<>();
    for (TaskSpec t : tasks) {
      long[] need = space.vector(t.resources());
      int i = placer.place(new PlacementRequest(t, need, 0, 1000));
      if (i >= 0) {
        tree.hold(i, t, need);
        holding.add(new Object[] {i, t, need});
      }
      out.add(i);
      if (!holding.isEmpty() && ends.nextInt(3) == 0) {
        Object[] done = holding.remove(ends.nextInt(holding.size()));
        tree.release((Integer) done[0], (TaskSpec) done[1], (long[]) done[2]);
      }
    }
    return out;
  }

  private static List<Node> cluster(java.util.Random random) {
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      long cpus = 4L << random.nextInt(3);
      boolean gpu = random.nextInt(10) == 0;
      List<Taint> taints = gpu ? List.of(new Taint("gpu", "true", Taint.Effect.NO_SCHEDULE)) : List.of();
      nodes.add(new Node("n" + i, new Resources(cpus * 1000, cpus * 4096, 0, gpu ? 2 : 0, Map.of()),
          Map.of("disk", random.nextBoolean() ? "ssd" : "hdd"), taints,
          TopologyPath.parse("r/z" + random.nextInt(3) + "/k" + random.nextInt(4))));
    }
    return nodes;
  }

  private static List<TaskSpec> tasks(java.util.Random random, int n) {
    List<TaskSpec> tasks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long cpus = 1L << random.nextInt(3);
      TaskSpec.Builder b = TaskSpec.builder("t" + i)
          .resources(new Resources(cpus * 1000, cpus * 2048, 0, random.nextInt(8) == 0 ? 1 : 0, Map.of()));
      if (random.nextInt(4) == 0) {
        b.constraints(List.of(LabelConstraint.equalTo("disk", "ssd")));
      }
      if (random.nextInt(4) == 0) {
        b.tolerations(List.of(new Toleration("gpu", "true")));
      }
      tasks.add(b.build());
    }
    return tasks;
  }
}
