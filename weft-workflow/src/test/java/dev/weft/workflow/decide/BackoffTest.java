package dev.weft.workflow.decide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.workflow.plan.RetryPolicy;
import dev.weft.workflow.plan.RetryPolicy.Backoff;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {
  @ParameterizedTest(name = "{0} backoff waits {2} ms before retry {1} of a 1 s delay")
  @CsvSource({
      "CONSTANT, 1, 1000", "CONSTANT, 3, 1000",
      "LINEAR, 1, 1000", "LINEAR, 3, 3000",
      "EXPONENTIAL, 1, 1000", "EXPONENTIAL, 2, 2000", "EXPONENTIAL, 4, 8000"})
  void eachBackoffGrowsAsDocumented(Backoff backoff, int attempt, long millis) {
    assertThat(Jitter.delay(new RetryPolicy(null, null, 1_000, backoff, 0, 0, 0, 0, 0), attempt, "any")).isEqualTo(millis);
  }
}
