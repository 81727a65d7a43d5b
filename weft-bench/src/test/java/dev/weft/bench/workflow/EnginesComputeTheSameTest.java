package dev.weft.bench.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Each engine runs each workflow on every kind of input and computes what the DSL says (not timed). */
class EnginesComputeTheSameTest {
  static final List<String> ENGINES = WorkflowBench.ENGINES;
  static final List<BenchWorkflow> WORKFLOWS = List.of(BenchWorkflow.values());

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0} runs W1, W2 and W3 and computes the expected outputs")
  @FieldSource("ENGINES")
  void everyEngineComputesTheExpectedOutputs(String name) {
    try (Engine engine = WorkflowBench.open(name, dir)) {
      assertThat(engine.name()).isEqualTo(name);
      for (BenchWorkflow w : BenchWorkflow.values()) {
        Engine.Runner runner = engine.prepare(w, 1);
        for (long i = 0; i < 3; i++) {
          Map<String, Object> input = w.input(i);
          JsonNode out = runner.run(input, true);
          assertThat(out).as("%s output of %s on %s", name, w, input).isNotNull();
          assertThat(w.canonical(out)).as("%s output of %s on %s: %s", name, w, input, out).isEqualTo(w.expected(input));
        }
      }
    }
  }

  @ParameterizedTest(name = "the expected output of {0} is the one the DSL defines")
  @FieldSource("WORKFLOWS")
  void expectedOutputsAreWrittenOut(BenchWorkflow w) {
    String want = switch (w) {
      case W1 -> "{\"counter\":10}";
      case W2 -> "{\"values\":[2,4,6,8]}";
      case W3 -> "{\"size\":\"small\",\"done\":true}";
    };
    assertThat(w.expected(w.input(0)).toString()).isEqualTo(want);
  }

  @Test
  void aWrongOutputIsReportedWithTheEngineAndTheInput() {
    ObjectMapper json = new ObjectMapper();
    assertThatThrownBy(() -> BenchWorkflow.W1.check("some-engine", BenchWorkflow.W1.input(0),
        json.createObjectNode().put("counter", 9)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("some-engine computed the wrong output for W1")
        .hasMessageContaining("expected {\"counter\":10}, got {\"counter\":9}");
  }

  @Test
  void w3InputsVisitEveryCase() {
    assertThat(LongStream.range(0, 3).mapToObj(i -> BenchWorkflow.W3.expected(BenchWorkflow.W3.input(i))
        .path("size").asText())).containsExactly("small", "medium", "large");
  }
}
