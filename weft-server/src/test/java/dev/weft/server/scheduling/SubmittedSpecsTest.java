package dev.weft.server.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.TaskSpec;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubmittedSpecsTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static TaskSpec spec(String id, Instant at) {
    return TaskSpec.builder(id).submitMillis(at.toEpochMilli()).build();
  }

  @Test
  void a_spec_is_taken_once_and_only_for_the_submission_time_it_was_stored_with() {
    SubmittedSpecs specs = new SubmittedSpecs(10);
    specs.add(Map.of("a", spec("a", T0), "b", spec("b", T0)));
    assertThat(specs.take("a", T0)).isEqualTo(spec("a", T0));
    assertThat(specs.take("a", T0)).isNull();
    assertThat(specs.take("b", T0.plusMillis(1))).isNull();
    assertThat(specs.take("unknown", T0)).isNull();
  }

  @Test
  void beyond_its_capacity_the_oldest_are_dropped() {
    SubmittedSpecs specs = new SubmittedSpecs(2);
    specs.add(Map.of("a", spec("a", T0)));
    specs.add(Map.of("b", spec("b", T0)));
    specs.add(Map.of("c", spec("c", T0)));
    assertThat(specs.take("a", T0)).isNull();
    assertThat(specs.take("b", T0)).isNotNull();
    assertThat(specs.take("c", T0)).isNotNull();
  }
}
