package dev.weft.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.store.InstanceStatus;
import dev.weft.workflow.read.WorkflowValidationException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Instances run to their end in memory: pure steps, a builtin call, a timer, a fault. */
class InMemoryRunnerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HEAD = """
      document:
        dsl: '1.0.0'
        namespace: test
        name: memory
        version: '0.1.0'
      do:
      """;

  private static InMemoryRunner runner(String tasks, FakeClock clock) {
    AtomicInteger n = new AtomicInteger();
    return new InMemoryRunner(HEAD + tasks.stripIndent(), clock, () -> "m" + n.incrementAndGet(), Duration.ofSeconds(5));
  }

  private static JsonNode json(String s) throws Exception {
    return JSON.readTree(s);
  }

  @Test
  void pureStepsFinishInOneDecisionAndEachRunIsItsOwnInstance() throws Exception {
    InMemoryRunner r = runner("""
          - one:
              set:
                counter: ${ .counter + 1 }
          - two:
              set:
                counter: ${ .counter + 1 }
        """, new FakeClock(0));
    RunResult first = r.run(json("{\"counter\": 0}"));
    RunResult second = r.run(json("{\"counter\": 40}"));
    assertThat(first.status()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(first.output()).isEqualTo(json("{\"counter\": 2}"));
    assertThat(second.output()).isEqualTo(json("{\"counter\": 42}"));
    assertThat(second.instanceId()).isNotEqualTo(first.instanceId());
  }

  @Test
  void aCallIsCarriedOutAndATimerWaitedForOnTheClock() throws Exception {
    FakeClock clock = new FakeClock(1_000);
    InMemoryRunner r = runner("""
          - pause:
              wait:
                seconds: 30
          - square:
              call: square
              with:
                x: ${ .x }
        """, clock);
    RunResult done = r.run(json("{\"x\": 7}"));
    assertThat(done.completed()).isTrue();
    assertThat(done.output().asInt()).isEqualTo(49);
    assertThat(clock.nowMillis()).isEqualTo(31_000);
  }

  @Test
  void aFaultEndsTheInstanceFailedWithItsError() throws Exception {
    InMemoryRunner r = runner("""
          - nope:
              call: cube
              with:
                x: 2
        """, new FakeClock(0));
    RunResult failed = r.run(json("{}"));
    assertThat(failed.status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(failed.output()).isNull();
    assertThat(failed.error().path("status").asInt()).isEqualTo(501);
    assertThat(failed.error().path("detail").asText()).contains("cube");
  }

  @Test
  void anInvalidDocumentIsRejectedWhenTheRunnerIsMade() {
    assertThatThrownBy(() -> runner("""
          - bad:
              set: 3
        """, new FakeClock(0))).isInstanceOf(WorkflowValidationException.class);
  }
}
