package dev.weft.sim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.model.Node;
import dev.weft.model.TopologyPath;
import dev.weft.model.codec.SpecException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClusterSpecTest {
  @Test
  void cpusAloneIsOneNodeWithEffectivelyUnlimitedMemory() {
    ClusterSpec spec = ClusterSpec.parse("cpus=100");

    assertThat(spec.nodes()).hasSize(1);
    Node node = spec.nodes().get(0);
    assertThat(node.id()).isEqualTo("n1");
    assertThat(node.capacity().cpuMillis()).isEqualTo(100_000);
    assertThat(node.capacity().memoryMiB()).isEqualTo(ClusterSpec.UNLIMITED_MEMORY_MIB);
    assertThat(spec.describe()).isEqualTo("1 node, 100 CPUs");
  }

  @Test
  void nodesCpusMemoryAndGpusDescribeIdenticalNodes() {
    ClusterSpec spec = ClusterSpec.parse("nodes=4, cpus=16, memory=64Gi, gpus=2");

    assertThat(spec.nodes()).extracting(Node::id).containsExactly("n1", "n2", "n3", "n4");
    assertThat(spec.nodes()).allSatisfy(n -> {
      assertThat(n.capacity().cpuMillis()).isEqualTo(16_000);
      assertThat(n.capacity().memoryMiB()).isEqualTo(65_536);
      assertThat(n.capacity().gpus()).isEqualTo(2);
      assertThat(n.topology()).isEqualTo(TopologyPath.DEFAULT);
    });
    assertThat(spec.totalCapacity().cpuMillis()).isEqualTo(64_000);
  }

  @Test
  void fractionalCpusAreAllowed() {
    assertThat(ClusterSpec.parse("cpus=0.5").nodes().get(0).capacity().cpuMillis()).isEqualTo(500);
  }

  @ParameterizedTest(name = "memory={0} is {1} MiB")
  @CsvSource({"4096, 4096", "512Mi, 512", "4Gi, 4096", "1Ti, 1048576", "1.5Gi, 1536"})
  void memoryIsMibUnlessSuffixed(String text, long mib) {
    assertThat(ClusterSpec.parse("cpus=1,memory=" + text).nodes().get(0).capacity().memoryMiB()).isEqualTo(mib);
  }

  @Test
  void theTopologyFormPlacesNodesInZonesAndRacks() {
    ClusterSpec spec = ClusterSpec.parse("zones=2,racks=3,nodes=4,cpus=8,memory=32Gi");

    assertThat(spec.nodes()).hasSize(24);
    Node last = spec.nodes().get(23);
    assertThat(last.id()).isEqualTo("z2-r3-n4");
    assertThat(last.topology()).isEqualTo(new TopologyPath("r1", "z2", "r3"));
    assertThat(spec.nodes().get(0).topology().toString()).isEqualTo("r1/z1/r1");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      cpus=0                | key 'cpus' must be a positive number, got '0'
      cpus=-4               | key 'cpus' must be a positive number, got '-4'
      cpus=many             | key 'cpus' must be a positive number, got 'many'
      nodes=0,cpus=4        | key 'nodes' must be a whole number of at least 1, got '0'
      nodes=2.5,cpus=4      | key 'nodes' must be a whole number of at least 1, got '2.5'
      cpus=4,gpus=-1        | key 'gpus' must be a whole number, got '-1'
      cpus=4,memory=4GB     | key 'memory' must be a size such as 4096 (MiB), 512Mi, 64Gi or 1Ti, got '4GB'
      cpus=4,memory=0       | key 'memory' must be a size between 1Mi and 1048576Ti, got '0'
      cpus=4,colour=red     | unknown key 'colour' (expected cpus, nodes, memory, gpus, zones, racks)
      cpus=4,cpus=5         | key 'cpus' given twice
      nodes=4               | key 'cpus' is required (CPUs per node)
      cpus=4,,nodes=2       | expected key=value, got ''
      zones=0,cpus=4        | key 'zones' must be a whole number of at least 1, got '0'
      """)
  void anImpossibleSpecIsOneLineNamingTheKey(String text, String message) {
    assertThatThrownBy(() -> ClusterSpec.parse(text)).isInstanceOf(ClusterSpecException.class)
        .hasMessage("cluster spec '" + text + "': " + message);
  }

  @Test
  void tooManyNodesIsRefusedBeforeAnyIsBuilt() {
    assertThatThrownBy(() -> ClusterSpec.parse("zones=1000,racks=1000,nodes=1000,cpus=1"))
        .isInstanceOf(ClusterSpecException.class).hasMessageContaining("limit of 100000");
  }

  @Test
  void aYamlClusterFileIsReadByTheModelCodec() throws Exception {
    String file = resource("two-racks.yaml");

    ClusterSpec spec = ClusterSpec.parse(file);

    assertThat(spec.nodes()).hasSize(5);
    assertThat(spec.nodes().get(0).id()).isEqualTo("big");
    assertThat(spec.totalCapacity().cpuMillis()).isEqualTo(64_000);
  }

  @Test
  void aClusterFileWithProblemsReportsThemAllLocated() throws Exception {
    String file = resource("broken.yaml");

    assertThatThrownBy(() -> ClusterSpec.parse(file)).isInstanceOf(SpecException.class)
        .satisfies(e -> assertThat(((SpecException) e).problems()).hasSizeGreaterThanOrEqualTo(2))
        .hasMessageContaining("broken.yaml:3");
  }

  @Test
  void textThatIsNeitherAFileNorKeyValuePairsSaysBoth() {
    assertThatThrownBy(() -> ClusterSpec.parse("no/such/cluster.yaml")).isInstanceOf(ClusterSpecException.class)
        .hasMessage("cluster spec 'no/such/cluster.yaml': no such cluster file, and not key=value pairs"
            + " (e.g. cpus=64 or nodes=4,cpus=16,memory=64Gi)");
  }

  @Test
  void anEmptySpecSaysWhatIsExpected() {
    assertThatThrownBy(() -> ClusterSpec.parse(" ")).isInstanceOf(ClusterSpecException.class)
        .hasMessageStartingWith("cluster spec is empty");
  }

  private static String resource(String name) throws Exception {
    return Path.of(ClusterSpecTest.class.getResource("/clusters/" + name).toURI()).toString();
  }
}
