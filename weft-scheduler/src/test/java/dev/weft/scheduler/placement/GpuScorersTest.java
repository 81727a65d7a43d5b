package dev.weft.scheduler.placement;

import static dev.weft.scheduler.placement.GpuPlacementTest.share;
import static dev.weft.scheduler.placement.GpuPlacementTest.whole;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Node;
import dev.weft.model.Resources;
import dev.weft.model.TaskSpec;
import dev.weft.scheduler.api.ScorerWeights;
import dev.weft.scheduler.backfill.ReservationBook;
import dev.weft.scheduler.resources.ResourceSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What best-fit and the fragmentation scorer prefer. */
class GpuScorersTest {
  static Node node(String id, long cpuMillis, int gpus) {
    return new Node(id, new Resources(cpuMillis, 256 * 1024, 0, gpus, Map.of()), Map.of(), List.of(), null);
  }

  static TaskSpec task(String id, Resources r) {
    return TaskSpec.builder(id).resources(r).build();
  }

  /** Places {@code setup} tasks on the named nodes, then asks where {@code next} goes. */
  static String choose(List<Node> nodes, ScorerWeights weights, WorkloadProfile profile, Map<String, List<Resources>> setup,
                       Resources next) {
    List<Resources> seen = new ArrayList<>(List.of(next, share(1)));
    nodes.forEach(n -> seen.add(n.capacity()));
    ResourceSpace space = ResourceSpace.of(seen);
    TopologyTree tree = new TopologyTree(nodes, space);
    int k = 0;
    for (NodeState n : tree.nodes()) {
      for (Resources r : setup.getOrDefault(n.id(), List.of())) {
        tree.hold(n.index(), task("s" + k++, r), space.vector(r));
      }
    }
    PlacementPlugins plugins = new PlacementPlugins(space, weights, profile, new AffinityIndex(),
        new ReservationBook(tree.nodes().stream().map(NodeState::free).toList()));
    int i = new Placer(tree, plugins).place(new PlacementRequest(task("next", next), space.vector(next), 0, Long.MAX_VALUE));
    return i < 0 ? null : tree.nodes().get(i).id();
  }

  @Test
  void bestFitPicksTheNodeLeftWithTheLeastFreeGpu() {
    List<Node> nodes = List.of(node("a-roomy", 64_000, 4), node("b-snug", 64_000, 2), node("c-cpu", 64_000, 0));
    assertThat(choose(nodes, ScorerWeights.bestFitting(), WorkloadProfile.NONE, Map.of(), whole(1))).isEqualTo("b-snug");
    assertThat(choose(nodes, ScorerWeights.bestFitting(), WorkloadProfile.NONE,
        Map.of("a-roomy", List.of(whole(3))), share(400))).isEqualTo("a-roomy");
  }

  @Test
  void bestFitSendsCpuOnlyTasksWhereNoGpuIsFree() {
    List<Node> nodes = List.of(node("a-gpu", 64_000, 8), node("b-cpu", 96_000, 0));
    assertThat(choose(nodes, ScorerWeights.bestFitting(), WorkloadProfile.NONE, Map.of(), Resources.of(8000, 1024)))
        .isEqualTo("b-cpu");
  }

  @Test
  void aShareGoesWhereItLeavesWholeDevicesForTheWholeGpuTasksExpected() {
    WorkloadProfile wholeGpus = WorkloadProfile.of(List.of(task("w", whole(1))), 1);
    List<Node> nodes = List.of(node("a-fresh", 64_000, 2), node("b-broken", 64_000, 2));
    Map<String, List<Resources>> setup = Map.of("b-broken", List.of(share(300)));
    assertThat(choose(nodes, ScorerWeights.fragmentationAware(), wholeGpus, setup, share(500))).isEqualTo("b-broken");
  }

  @Test
  void aCpuTaskAvoidsTheNodeWhoseGpusItWouldStrandForWantOfCpu() {
    WorkloadProfile gpuTasks = WorkloadProfile.of(List.of(task("g", new Resources(8000, 1024, 0, 1, Map.of()))), 1);
    List<Node> nodes = List.of(node("a-tight", 24_000, 2), node("b-roomy", 64_000, 1));
    Resources cpuTask = Resources.of(12_000, 1024);
    assertThat(choose(nodes, ScorerWeights.fragmentationAware(), gpuTasks, Map.of(), cpuTask)).isEqualTo("b-roomy");
    assertThat(choose(nodes, ScorerWeights.bestFitting(), WorkloadProfile.NONE, Map.of(), cpuTask)).isEqualTo("b-roomy");
  }

  @Test
  void withoutAProfileTheTaskItselfIsTheShapeToKeepRoomFor() {
    List<Node> nodes = List.of(node("a", 64_000, 1), node("b", 64_000, 1));
    Map<String, List<Resources>> setup = Map.of("a", List.of(share(450)), "b", List.of(share(300)));
    assertThat(choose(nodes, ScorerWeights.fragmentationAware(), WorkloadProfile.NONE, setup, share(500)))
        .as("on b, 200 milli are left that no 500 can use; on a, 50").isEqualTo("a");
  }

  @Test
  void aProfileKeepsTheMostCommonShapesCoveringTheShareAsked() {
    List<TaskSpec> tasks = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      tasks.add(task("a" + i, whole(1)));
    }
    for (int i = 0; i < 3; i++) {
      tasks.add(task("b" + i, share(500)));
    }
    tasks.add(task("c", share(100)));
    WorkloadProfile top = WorkloadProfile.of(tasks, 0.9);
    assertThat(top.shapes()).extracting(WorkloadProfile.Shape::gpus, WorkloadProfile.Shape::gpuMilli,
        WorkloadProfile.Shape::weight).containsExactly(
            org.assertj.core.groups.Tuple.tuple(1L, 0L, 6 / 9.0), org.assertj.core.groups.Tuple.tuple(0L, 500L, 3 / 9.0));
    assertThat(WorkloadProfile.of(tasks, 1).shapes()).hasSize(3);
  }
}
