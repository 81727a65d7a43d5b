package dev.weft.server.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** How {@code contract.concurrency} and {@code contract.rateLimit} are read from a service document. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServiceLimitsReadTest {
  private static ServiceDefinition.Contract contract(String fields) {
    return ServiceReader.read("""
        kind: service
        name: paced
        version: 1.0.0
        contract: { %s }
        behaviour: { builtin: square }
        """.formatted(fields)).contract();
  }

  @Test
  void no_limits_by_default() {
    ServiceDefinition.Contract c = contract("idempotent: true");
    assertThat(c.concurrency()).isZero();
    assertThat(c.ratePerSecond()).isZero();
    assertThat(c.startIntervalMillis()).isZero();
  }

  @Test
  void a_rate_per_second_minute_or_hour_spaces_starts_evenly() {
    assertThat(contract("rateLimit: 5/s").startIntervalMillis()).isEqualTo(200);
    assertThat(contract("rateLimit: 5").startIntervalMillis()).isEqualTo(200);
    assertThat(contract("rateLimit: 300/m").startIntervalMillis()).isEqualTo(200);
    assertThat(contract("rateLimit: 7/h").startIntervalMillis()).isEqualTo(514_286); // rounded up: never faster
    assertThat(contract("rateLimit: 1000/s").startIntervalMillis()).isEqualTo(1);
    assertThat(contract("rateLimit: 5/s").rateBurst()).isEqualTo(1);
  }

  @Test
  void a_rate_with_a_burst_and_a_concurrency_limit_are_kept() {
    ServiceDefinition.Contract c = contract("rateLimit: { rate: 300/m, burst: 20 }, concurrency: 4");
    assertThat(c.startIntervalMillis()).isEqualTo(200);
    assertThat(c.rateBurst()).isEqualTo(20);
    assertThat(c.concurrency()).isEqualTo(4);
  }

  @Test
  void a_bad_burst_a_missing_rate_and_an_unknown_field_are_refused_at_their_pointers() {
    assertThatThrownBy(() -> contract("rateLimit: { rate: 5/s, burst: 0 }")).isInstanceOf(InvalidServiceException.class)
        .hasMessageContaining("/contract/rateLimit/burst").hasMessageContaining("from 1 to 100000");
    assertThatThrownBy(() -> contract("rateLimit: { burst: 3 }")).isInstanceOf(InvalidServiceException.class)
        .hasMessageContaining("/contract/rateLimit/rate").hasMessageContaining("required");
    assertThatThrownBy(() -> contract("rateLimit: { rate: 5/s, every: 2 }")).isInstanceOf(InvalidServiceException.class)
        .hasMessageContaining("/contract/rateLimit/every");
    assertThatThrownBy(() -> contract("rateLimit: { rate: 5000/s }")).isInstanceOf(InvalidServiceException.class)
        .hasMessageContaining("/contract/rateLimit/rate").hasMessageContaining("at most 1000/s");
  }
}
