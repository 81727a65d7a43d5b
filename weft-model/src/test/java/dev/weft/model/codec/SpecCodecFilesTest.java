package dev.weft.model.codec;

import static dev.weft.model.codec.SpecAssertions.failure;
import static dev.weft.model.codec.SpecAssertions.problem;
import static dev.weft.model.codec.SpecAssertions.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Node;
import dev.weft.model.Resources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SpecCodecFilesTest {
  static final List<Node> NODES = List.of(Node.of("n1", Resources.of(2000, 4096)));

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0} is read as {1}")
  @CsvSource({"cluster.json, JSON", "cluster.yaml, YAML", "cluster.yml, YAML", "CLUSTER.YAML, YAML"})
  void the_format_follows_the_file_extension(String name, Format format) throws IOException {
    Path file = Files.writeString(dir.resolve(name), SpecCodec.writeCluster(NODES, format));
    assertThat(Format.ofFileName(name)).contains(format);
    assertThat(SpecCodec.readCluster(file)).isEqualTo(NODES);
  }

  @Test
  void without_an_extension_the_content_decides() throws IOException {
    Path json = Files.writeString(dir.resolve("cluster"), "  {\"nodes\": [{\"id\": \"n1\", \"capacity\": {\"cpu\": 2, \"memory\": \"4Gi\"}}]}");
    Path yaml = Files.writeString(dir.resolve("cluster2"), "nodes:\n  - {id: n1, capacity: {cpu: 2, memory: 4Gi}}\n");
    assertThat(Format.detect(Files.readString(json))).isEqualTo(Format.JSON);
    assertThat(Format.detect(Files.readString(yaml))).isEqualTo(Format.YAML);
    assertThat(SpecCodec.readCluster(json)).isEqualTo(NODES).isEqualTo(SpecCodec.readCluster(yaml));
  }

  @Test
  void problems_in_a_file_name_the_file_as_given() throws IOException {
    Path file = Files.writeString(dir.resolve("cluster.yaml"), "nodes:\n  - id: n1\n    capacity: {memory: lots}\n");
    assertThat(failure(() -> SpecCodec.readCluster(file))).hasMessage(
        file + ":3 /nodes/0/capacity/memory: expected a quantity like 4Gi or 512Mi, got \"lots\"");
  }

  @Test
  void a_missing_file_is_a_spec_problem_not_a_stack_trace() {
    Path file = dir.resolve("nope.yaml");
    SpecException e = failure(() -> SpecCodec.readCluster(file));
    assertThat(e.source()).isEqualTo(file.toString());
    assertThat(e).hasMessage(file + " /: cannot read the file: no such file");
  }

  @Test
  void a_json_syntax_error_names_the_line_and_the_place() {
    String json = "{\"nodes\": [\n  {\"id\": \"n1\",\n   \"capacity\": {\"cpu\": 2,}}\n]}";
    assertThat(problemsOf(() -> SpecCodec.readCluster(json, "c.json"))).containsExactly(problem("/nodes/0/capacity/cpu", 3,
        "syntax error: Unexpected character ('}' (code 125)): was expecting double-quote to start field name"));
  }

  @Test
  void a_yaml_syntax_error_says_where_the_broken_block_starts() {
    String yaml = "nodes:\n  - id: n1\n   capacity: {cpu: 2}\n";
    assertThat(problemsOf(() -> SpecCodec.readCluster(yaml, "c.yaml"))).containsExactly(problem("/nodes/0", 3,
        "syntax error: expected <block end>, but found '<block mapping start>'"
            + " (while parsing a block collection that starts at line 2)"));
  }

  @Test
  void a_tab_indent_in_yaml_is_one_line_of_message() {
    SpecException e = failure(() -> SpecCodec.readNode("id: n1\ncapacity:\n\tcpu: 2\n", "n.yaml"));
    assertThat(e.getMessage()).doesNotContain("\n").startsWith("n.yaml:3 ");
  }

  @Test
  void an_empty_document_says_so() {
    assertThat(problemsOf(() -> SpecCodec.readNode("  \n", "n.yaml"))).containsExactly(
        problem("", 0, "the document is empty"));
  }

  @Test
  void duplicate_keys_are_reported_with_everything_else() {
    String yaml = "id: n1\ncapacity: {cpu: 2}\nid: n2\ncapacity: {cpu: x}\n";
    assertThat(problemsOf(() -> SpecCodec.readNode(yaml, "n.yaml"))).containsExactly(
        problem("/id", 3, "duplicate field 'id' (the last one wins)"),
        problem("/capacity", 4, "duplicate field 'capacity' (the last one wins)"),
        problem("/capacity/cpu", 4, "expected a cpu quantity like 2, 0.5 or 500m, got \"x\""));
  }

  @Test
  void content_after_the_document_is_refused() {
    assertThat(problemsOf(() -> SpecCodec.readNode("{\"id\": \"n\", \"capacity\": {}}\n{}", "n.json"))).containsExactly(
        problem("", 2, "unexpected content after the end of the document"));
  }

  @Test
  void a_long_list_of_problems_is_cut_in_the_message_but_kept_in_full() {
    String yaml = IntStream.range(0, 60).mapToObj(i -> "  - {id: n" + i + ", capacity: {cpu: x}}")
        .collect(Collectors.joining("\n", "nodes:\n", "\n"));
    SpecException e = failure(() -> SpecCodec.readCluster(yaml, "big.yaml"));
    assertThat(e.problems()).hasSize(60);
    assertThat(e.getMessage().lines()).hasSize(51).last().isEqualTo("... and 10 more problems");
  }

  @Test
  void a_huge_exponent_is_too_large_rather_than_slow() {
    assertThat(problemsOf(() -> SpecCodec.readNode("{id: n, capacity: {cpu: 1e999999999, memory: 1e-999999999}}", "n.yaml")))
        .containsExactly(problem("/capacity/cpu", 1, "is too large, got 1E+999999999"));
  }
}
