package dev.weft.sim.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.weft.model.Node;
import dev.weft.model.TaskSpec;
import dev.weft.sim.testing.SharedData;
import dev.weft.sim.workload.OpenbNodeReader;
import dev.weft.sim.workload.OpenbPodReader;
import dev.weft.sim.workload.SimJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.TestInstance;

/**
 * The openb default trace on the 1,213 GPU nodes, under the FGD protocol (shuffled, inflated to
 * 130%), with the first three of the published seeds to keep the run short. Published means at
 * 100% demand (ten seeds): BestFit 92.86, FGD 95.23.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GpuPlacementReplayTest {
  static final List<Long> SEEDS = List.of(42L, 43L, 44L);
  private GpuExperiment experiment;

  @BeforeAll
  void readTheTrace() {
    Path pods = SharedData.file("alibaba-openb-gpu-2023/openb_pod_list_default.csv");
    Path nodes = SharedData.file("alibaba-openb-gpu-2023/openb_node_list_gpu_node.csv");
    Assumptions.assumeTrue(Files.exists(pods) && Files.exists(nodes), "shared data absent: " + pods);
    List<Node> cluster = new OpenbNodeReader().read(nodes);
    List<TaskSpec> tasks = new OpenbPodReader().read(pods).jobs().stream().map(SimJob::spec).toList();
    experiment = new GpuExperiment(cluster, tasks, SEEDS, GpuExperiment.FGD_INFLATION);
  }

  @Test
  void bestFitLandsNearThePublishedBestFitAndFragAwareAboveFgd() {
    GpuReplayResult bestFit = experiment.run(GpuPolicy.BEST_FIT);
    GpuReplayResult fragAware = experiment.run(GpuPolicy.FRAG_AWARE);

    assertThat(bestFit.allocationAtFullDemand()).isCloseTo(92.86, within(1.5));
    assertThat(fragAware.allocationAtFullDemand()).isGreaterThan(bestFit.allocationAtFullDemand()).isGreaterThan(95.23);
    assertThat(java.util.Arrays.stream(fragAware.atFullDemand()).min().orElseThrow()).as("every seed").isGreaterThan(95.23);
    assertThat(fragAware.curve().at(90)).as("nothing refused while a tenth of the GPUs is idle").isGreaterThan(89.5);
    assertThat(fragAware.curve().topPercent()).isEqualTo(130);
  }
}
