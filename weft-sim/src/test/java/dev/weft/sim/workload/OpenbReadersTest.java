package dev.weft.sim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.model.LabelConstraint;
import dev.weft.model.Node;
import dev.weft.model.Resources;
import dev.weft.model.TaskSpec;
import dev.weft.sim.cluster.ClusterSpec;
import dev.weft.sim.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenbReadersTest {
  private static final String NODES = """
      sn,cpu_milli,memory_mib,gpu,model
      openb-node-0000,32000,262144,0,
      openb-node-0001,96000,393216,8,G2
      """;
  private static final String PODS = """
      name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time
      openb-pod-0000,12000,16384,1,1000,,LS,Running,0,12537496,0
      openb-pod-0001,6000,12288,1,460,V100M16|V100M32|V100M32,BE,Running,427061,12902960,427061
      openb-pod-0002,88000,327680,8,1000,,Burstable,Succeeded,9437497,10769854,9437497
      openb-pod-0003,8000,30517,0,0,,BE,Failed,11811762,,
      """;

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void aNodeRowBecomesANodeWithItsGpusAndItsGpuModelAsALabel() throws IOException {
    List<Node> nodes = new OpenbNodeReader().read(write("nodes.csv", NODES));
    assertThat(nodes).extracting(Node::id).containsExactly("openb-node-0000", "openb-node-0001");
    assertThat(nodes.get(0).capacity()).isEqualTo(Resources.of(32_000, 262_144));
    assertThat(nodes.get(0).labels()).isEmpty();
    assertThat(nodes.get(1).capacity()).isEqualTo(new Resources(96_000, 393_216, 0, 8, Map.of()));
    assertThat(nodes.get(1).labels()).containsEntry(OpenbNodeReader.GPU_MODEL, "G2");
  }

  @Test
  void aClusterSpecNamingACsvFileReadsItAsAnOpenbNodeList() throws IOException {
    ClusterSpec spec = ClusterSpec.parse(write("nodes.csv", NODES).toString());
    assertThat(spec.nodes()).hasSize(2);
  }

  @Test
  void wholeGpusSharesAndCpuOnlyPodsBecomeTasksWithTheirTimes() throws IOException {
    Workload w = new OpenbPodReader().read(write("pods.csv", PODS));
    assertThat(w.format()).isEqualTo(WorkloadFormat.OPENB);
    List<TaskSpec> tasks = w.jobs().stream().map(SimJob::spec).toList();
    assertThat(tasks).extracting(TaskSpec::resources).containsExactly(
        new Resources(12_000, 16_384, 0, 1, Map.of()),
        new Resources(6000, 12_288, 0, 0, Map.of(Resources.GPU_MILLI, 460L)),
        new Resources(88_000, 327_680, 0, 8, Map.of()),
        Resources.of(8000, 30_517));
    assertThat(tasks.get(1).constraints()).containsExactly(
        new LabelConstraint(OpenbNodeReader.GPU_MODEL, LabelConstraint.Operator.IN, List.of("V100M16", "V100M32")));
    assertThat(tasks.get(1).labels()).containsEntry("qos", "BE");
    assertThat(tasks.get(1).submitMillis()).isEqualTo(427_061_000L);
    assertThat(w.jobs().get(2).runtimeMillis()).isEqualTo((10_769_854L - 9_437_497L) * 1000);
    assertThat(w.jobs().get(3).runtimeMillis()).as("no deletion time").isZero();
  }

  @Test
  void theShortPodListWithoutTimesArrivesAtTimeZero() throws IOException {
    Workload w = new OpenbPodReader().read(write("p.csv", "name,cpu_milli,memory_mib,num_gpu,gpu_milli\np1,4000,100,2,1000\n"));
    assertThat(w.jobs().get(0).spec().submitMillis()).isZero();
    assertThat(w.jobs().get(0).spec().resources().gpus()).isEqualTo(2);
  }

  @Test
  void badRowsAreErrorsNamingTheFileAndLine() throws IOException {
    String header = "name,cpu_milli,memory_mib,num_gpu,gpu_milli\n";
    Path shareOfTwo = write("a.csv", header + "p0,1,1,0,0\np1,1000,10,2,500\n");
    assertThatThrownBy(() -> new OpenbPodReader().read(shareOfTwo)).isInstanceOf(WorkloadException.class)
        .hasMessage(shareOfTwo + ":3: column 'gpu_milli': a share (500 milli) is of one GPU, but num_gpu is 2");
    Path notANumber = write("b.csv", header + "p1,lots,10,0,0\n");
    assertThatThrownBy(() -> new OpenbPodReader().read(notANumber))
        .hasMessage(notANumber + ":2: column 'cpu_milli': expected a whole number not below 0, got \"lots\"");
    Path missing = write("c.csv", "name,cpu_milli,num_gpu,gpu_milli\n");
    assertThatThrownBy(() -> new OpenbPodReader().read(missing)).hasMessageStartingWith(
        missing + ":1: missing required column 'memory_mib'");
    Path twice = write("d.csv", header + "p1,1,1,0,0\np1,1,1,0,0\n");
    assertThatThrownBy(() -> new OpenbPodReader().read(twice))
        .hasMessage(twice + ":3: column 'name': duplicate pod 'p1' (first on line 2)");
    Path shortRow = write("n.csv", "sn,cpu_milli,memory_mib,gpu,model\nn1,1000,10\n");
    assertThatThrownBy(() -> new OpenbNodeReader().read(shortRow))
        .hasMessage(shortRow + ":2: expected 5 fields as in the header, got 3");
  }

  @Test
  void theSharedTraceReadsWhole() {
    Path pods = SharedData.file("alibaba-openb-gpu-2023/openb_pod_list_default.csv");
    Path nodes = SharedData.file("alibaba-openb-gpu-2023/openb_node_list_all_node.csv");
    Assumptions.assumeTrue(Files.exists(pods) && Files.exists(nodes), "shared data absent: " + pods);
    assertThat(new OpenbPodReader().read(pods).jobs()).hasSize(8152);
    List<Node> cluster = new OpenbNodeReader().read(nodes);
    assertThat(cluster).hasSize(1523);
    assertThat(cluster.stream().mapToLong(n -> n.capacity().gpus()).sum()).isEqualTo(6212);
  }
}
