package dev.weft.model.codec;

import static dev.weft.model.codec.SpecAssertions.failure;
import static dev.weft.model.codec.SpecAssertions.problem;
import static dev.weft.model.codec.SpecAssertions.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Node;
import dev.weft.model.Resources;
import dev.weft.model.Taint;
import dev.weft.model.TopologyPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class NodeCodecTest {
  static final Node FULL = new Node("gpu-7",
      new Resources(2500, 65536, 1_048_576, 4, Map.of("nvidia.com/mig", 7L, "example.com/fpga", 0L)),
      Map.of("disk", "ssd", "kubernetes.io/arch", "amd64", "version", "1.10", "legacy", "yes", "n", "007"),
      List.of(new Taint("dedicated", "ml", Taint.Effect.NO_SCHEDULE), new Taint("spot", "", Taint.Effect.PREFER_NO_SCHEDULE)),
      new TopologyPath("eu-west", "a", "r17"));

  @ParameterizedTest
  @EnumSource(Format.class)
  void a_node_survives_a_round_trip(Format format) {
    String text = SpecCodec.writeNode(FULL, format);
    assertThat(SpecCodec.readNode(text, "node." + format.name().toLowerCase())).isEqualTo(FULL);
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void a_minimal_node_survives_a_round_trip_and_gets_the_defaults(Format format) {
    Node minimal = Node.of("n1", Resources.of(1000, 512));
    assertThat(SpecCodec.readNode(SpecCodec.writeNode(minimal, format), "n")).isEqualTo(minimal);
  }

  @Test
  void yaml_output_is_plain_block_style() {
    assertThat(SpecCodec.writeNode(Node.of("n1", Resources.of(500, 4096)), Format.YAML)).isEqualTo("""
        id: n1
        capacity:
          cpu: 0.5
          memory: 4Gi
        """);
  }

  @Test
  void numbers_and_booleans_in_labels_keep_the_text_they_were_written_as() {
    Node node = SpecCodec.readNode("{id: n1, capacity: {cpu: 1}, labels: {v: 1.10, old: yes, n: 007}}", "n.yaml");
    assertThat(node.labels()).containsExactlyInAnyOrderEntriesOf(Map.of("v", "1.10", "old", "yes", "n", "007"));
  }

  @Test
  void a_bad_quantity_is_reported_with_file_line_pointer_and_value() {
    String yaml = """
        nodes:
          - id: n0
            capacity: {cpu: 2, memory: 4Gi}
          - id: n1
            capacity: {cpu: 2, memory: 4Gi}
          - id: n2
            capacity: {cpu: 2, memory: 4Gi}
          - id: n3
            labels: {disk: ssd}
            capacity:
              cpu: 4
              memory: lots
        """;
    assertThat(failure(() -> SpecCodec.readCluster(yaml, "cluster.yaml")))
        .hasMessage("cluster.yaml:12 /nodes/3/capacity/memory: expected a quantity like 4Gi or 512Mi, got \"lots\"");
  }

  @Test
  void every_problem_of_a_node_is_reported_not_only_the_first() {
    String yaml = """
        id: n1
        capacity:
          cpus: 4
          memory: -3
          gpu: 1
          gpus: 1.5
          nvidia.com/gpu: many
        labels: [a, b]
        taints:
          - {key: dedicated, effect: NoSchedul}
          - {value: x}
        topology: eu/a/r1/extra
        zone: a
        """;
    assertThat(problemsOf(() -> SpecCodec.readNode(yaml, "node.yaml"))).containsExactly(
        problem("/capacity/cpus", 3, "unknown field 'cpus' (did you mean 'cpu'?)"),
        problem("/capacity/memory", 4, "must not be negative, got -3"),
        problem("/capacity/gpu", 5, "unknown field 'gpu' (did you mean 'gpus'?)"),
        problem("/capacity/gpus", 6, "expected a whole number, got 1.5"),
        problem("/capacity/nvidia.com~1gpu", 7, "expected a whole number, got \"many\""),
        problem("/labels", 8, "expected an object, got a list"),
        problem("/taints/0/effect", 10,
            "unknown taint effect 'NoSchedul' (did you mean 'NoSchedule'? expected one of NoSchedule, PreferNoSchedule)"),
        problem("/taints/1", 11, "missing required field 'key'"),
        problem("/topology", 12, "expected a topology like \"region/zone/rack\" (at most three parts), got \"eu/a/r1/extra\""),
        problem("/zone", 13, "unknown field 'zone' (expected one of id, capacity, labels, taints, topology)"));
  }

  @Test
  void a_node_needs_an_id_and_a_capacity() {
    assertThat(problemsOf(() -> SpecCodec.readNode("labels: {a: b}\n", "node.yaml"))).containsExactly(
        problem("", 1, "missing required field 'id'"),
        problem("", 1, "missing required field 'capacity'"));
  }

  @Test
  void wrong_types_are_reported_with_what_was_expected() {
    String json = """
        {"id": {"x": 1},
         "capacity": "big",
         "taints": {"key": "a"},
         "topology": ["eu"]}
        """;
    assertThat(problemsOf(() -> SpecCodec.readNode(json, "node.json"))).containsExactly(
        problem("/id", 1, "expected a string, got an object"),
        problem("/capacity", 2, "expected an object of resources like {cpu: 2, memory: 4Gi}, got \"big\""),
        problem("/taints", 3, "expected a list, got an object"),
        problem("/topology", 4, "expected a string, got a list"));
  }

  @Test
  void a_node_id_is_a_plain_name() {
    assertThat(problemsOf(() -> SpecCodec.readNode("{id: 'a b', capacity: {cpu: 1}}", "n.yaml"))).containsExactly(
        problem("/id", 1, "invalid node id \"a b\" (letters, digits, '.', '_' and '-', starting and ending with a letter or digit)"));
  }

  @Test
  void a_quantity_that_is_a_boolean_or_a_list_is_a_wrong_type() {
    assertThat(problemsOf(() -> SpecCodec.readNode("{id: n, capacity: {cpu: true, memory: [1]}}", "n.yaml")))
        .containsExactly(
            problem("/capacity/cpu", 1, "expected a cpu quantity like 2, 0.5 or 500m, got true"),
            problem("/capacity/memory", 1, "expected a quantity like 4Gi or 512Mi, got a list"));
  }
}
