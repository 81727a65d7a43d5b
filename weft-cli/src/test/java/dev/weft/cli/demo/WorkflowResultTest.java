package dev.weft.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WorkflowResultTest {
  private static final Instant T0 = Instant.parse("2026-11-24T04:00:00Z");
  private static final Map<String, String> TOPOLOGY = Map.of("node-b", "eu/zone-a/rack-2", "node-c", "eu/zone-b/rack-1");

  @Test
  void the_section_shows_the_output_and_where_each_call_ran() {
    WorkflowResult r = new WorkflowResult("examples/sum-of-squares", List.of(1, 2, 3), "i-1", "COMPLETED",
        T0.plusSeconds(10), T0.plusMillis(12_500), JsonNodeFactory.instance.numberNode(14), null, List.of(
            call("t1", "node-b", 0, 400, 0), call("t2", "node-c", 0, 1_600, 1), call("t3", "node-b", 100, 1_100, 0)));
    assertThat(r.render(TOPOLOGY, T0)).isEqualTo("""
        Workflow examples/sum-of-squares over 1..3 (instance i-1): COMPLETED in 2.5 s, started at +10.0 s
          output: 14
          its 3 square calls ran as tasks (root.prod, priority 60): node-b (eu/zone-a/rack-2) x2; node-c (eu/zone-b/rack-1) x1
          waits of its tasks (submitted -> start): mean 1.0 s, max 1.6 s
          1 of them ran more than once (preempted or lost, then queued again)
        """);
  }

  @Test
  void a_failed_instance_shows_its_error() {
    WorkflowResult r = new WorkflowResult("examples/sum-of-squares", List.of(1, 2), "i-2", "FAILED", null, null, null,
        JsonNodeFactory.instance.objectNode().put("title", "validation"), List.of());
    assertThat(r.render(TOPOLOGY, T0)).isEqualTo("""
        Workflow examples/sum-of-squares over 1..2 (instance i-2): FAILED
          output: {"title":"validation"}
          its 0 square calls ran as tasks:
        """);
  }

  private static WorkflowResult.Call call(String id, String node, int submittedMillis, int startedMillis, int attempt) {
    return new WorkflowResult.Call(id, node, "root.prod", 60, T0.plusMillis(submittedMillis), T0.plusMillis(startedMillis),
        "SUCCEEDED", attempt);
  }
}
