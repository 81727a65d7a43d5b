package dev.weft.model.codec;

import static dev.weft.model.codec.SpecAssertions.problem;
import static dev.weft.model.codec.SpecAssertions.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Node;
import dev.weft.model.Resources;
import dev.weft.model.TopologyPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ClusterCodecTest {
  static final String GENERATED = """
      generate:
        zones: 3
        racksPerZone: 42
        nodesPerRack: 40
        region: r1
        capacity: {cpu: 64, memory: 256Gi, disk: 2Ti}
        labels: {tier: batch}
      """;

  @ParameterizedTest
  @EnumSource(Format.class)
  void a_cluster_survives_a_round_trip(Format format) {
    List<Node> nodes = List.of(NodeCodecTest.FULL, Node.of("small", Resources.of(250, 512)));
    assertThat(SpecCodec.readCluster(SpecCodec.writeCluster(nodes, format), "c")).isEqualTo(nodes);
  }

  @Test
  void the_generator_expands_zones_racks_and_nodes_in_a_fixed_order() {
    List<Node> nodes = SpecCodec.readCluster(GENERATED, "cluster.yaml");
    assertThat(nodes).hasSize(3 * 42 * 40);
    assertThat(nodes.get(0)).isEqualTo(new Node("z1-r01-n01", new Resources(64_000, 262_144, 2_097_152, 0, Map.of()),
        Map.of("tier", "batch"), List.of(), new TopologyPath("r1", "z1", "r01")));
    assertThat(nodes.get(1).id()).isEqualTo("z1-r01-n02");
    assertThat(nodes.get(40).id()).isEqualTo("z1-r02-n01");
    assertThat(nodes.get(nodes.size() - 1).id()).isEqualTo("z3-r42-n40");
    assertThat(nodes.get(nodes.size() - 1).topology()).isEqualTo(new TopologyPath("r1", "z3", "r42"));
    assertThat(SpecCodec.readCluster(GENERATED, "again.yaml")).isEqualTo(nodes);
  }

  @Test
  void generated_nodes_follow_the_listed_ones_and_write_back_as_a_plain_list() {
    String yaml = """
        nodes:
          - {id: head, capacity: {cpu: 8}}
        generate: {zones: 1, racksPerZone: 1, nodesPerRack: 2, capacity: {cpu: 4}}
        """;
    List<Node> nodes = SpecCodec.readCluster(yaml, "cluster.yaml");
    assertThat(nodes).extracting(Node::id).containsExactly("head", "z1-r01-n01", "z1-r01-n02");
    assertThat(nodes.get(1).topology()).isEqualTo(new TopologyPath("default", "z1", "r01"));
    assertThat(SpecCodec.readCluster(SpecCodec.writeCluster(nodes, Format.YAML), "back.yaml")).isEqualTo(nodes);
  }

  @Test
  void wide_racks_pad_ids_to_the_width_of_the_largest_number() {
    String yaml = "generate: {zones: 1, racksPerZone: 1, nodesPerRack: 100, capacity: {cpu: 1}}";
    assertThat(SpecCodec.readCluster(yaml, "c.yaml")).extracting(Node::id).startsWith("z1-r01-n001").endsWith("z1-r01-n100");
  }

  @Test
  void the_generator_reports_bad_sizes_and_a_missing_capacity() {
    String yaml = """
        generate:
          zones: 0
          racksPerZone: two
          nodesPerRak: 3
        """;
    assertThat(problemsOf(() -> SpecCodec.readCluster(yaml, "cluster.yaml"))).containsExactly(
        problem("/generate", 1, "missing required field 'nodesPerRack'"),
        problem("/generate", 1, "missing required field 'capacity'"),
        problem("/generate/zones", 2, "must be between 1 and 1000000, got 0"),
        problem("/generate/racksPerZone", 3, "expected a whole number, got \"two\""),
        problem("/generate/nodesPerRak", 4, "unknown field 'nodesPerRak' (did you mean 'nodesPerRack'?)"));
  }

  @Test
  void the_generator_refuses_more_than_a_million_nodes() {
    String yaml = "generate: {zones: 100, racksPerZone: 100, nodesPerRack: 101, capacity: {cpu: 1}}";
    assertThat(problemsOf(() -> SpecCodec.readCluster(yaml, "c.yaml"))).containsExactly(
        problem("/generate", 1, "would generate 1010000 nodes; the limit is 1000000"));
  }

  @Test
  void node_ids_are_unique_across_listed_and_generated_nodes() {
    String yaml = """
        nodes:
          - {id: a, capacity: {cpu: 1}}
          - {id: z1-r01-n01, capacity: {cpu: 1}}
          - {id: a, capacity: {cpu: 1}}
        generate: {zones: 1, racksPerZone: 1, nodesPerRack: 1, capacity: {cpu: 1}}
        """;
    assertThat(problemsOf(() -> SpecCodec.readCluster(yaml, "c.yaml"))).containsExactly(
        problem("/nodes/2/id", 4, "duplicate node id 'a' (first at /nodes/0/id)"),
        problem("/generate", 5, "duplicate node id 'z1-r01-n01' (first at /nodes/1/id)"));
  }

  @Test
  void a_cluster_needs_nodes_or_a_generator() {
    assertThat(problemsOf(() -> SpecCodec.readCluster("{\"node\": []}", "c.json"))).containsExactly(
        problem("/node", 1, "unknown field 'node' (did you mean 'nodes'?)"),
        problem("", 1, "missing required field 'nodes' (or 'generate')"));
  }

  @Test
  void a_document_that_is_not_an_object_says_so() {
    assertThat(problemsOf(() -> SpecCodec.readCluster("[1, 2]", "c.json"))).containsExactly(
        problem("", 1, "expected an object, got a list"));
  }
}
