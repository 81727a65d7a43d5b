package dev.weft.server.api.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CallerBucketsTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void a_caller_gets_its_burst_at_once_then_one_request_per_token_as_they_come_back() {
    CallerBuckets b = new CallerBuckets(new RequestRate(2, 3));
    long t = 5 * SECOND;
    assertThat(b.take("ci", t)).isZero();
    assertThat(b.take("ci", t)).isZero();
    assertThat(b.take("ci", t)).isZero();
    assertThat(b.take("ci", t)).as("the burst is spent: half a second until a token is back").isEqualTo(SECOND / 2);
    assertThat(b.take("ci", t + SECOND / 4)).as("a quarter second later").isEqualTo(SECOND / 4);
    assertThat(b.take("ci", t + SECOND / 2)).isZero();
    assertThat(b.take("ci", t + SECOND / 2)).isPositive();
    assertThat(b.take("ci", t + 100 * SECOND)).as("never more than the burst saved up").isZero();
    assertThat(b.take("ci", t + 100 * SECOND)).isZero();
    assertThat(b.take("ci", t + 100 * SECOND)).isZero();
    assertThat(b.take("ci", t + 100 * SECOND)).isPositive();
  }

  @Test
  void callers_have_buckets_of_their_own() {
    CallerBuckets b = new CallerBuckets(new RequestRate(1, 1));
    assertThat(b.take("a", 0)).isZero();
    assertThat(b.take("a", 0)).isPositive();
    assertThat(b.take("b", 0)).as("b is not held back by a").isZero();
  }

  @Test
  void buckets_back_at_their_burst_are_dropped_when_there_are_many() {
    CallerBuckets b = new CallerBuckets(new RequestRate(1, 1));
    for (int i = 0; i <= CallerBuckets.TIDY_ABOVE; i++) {
      b.take("caller-" + i, 0);
    }
    assertThat(b.size()).isEqualTo(CallerBuckets.TIDY_ABOVE + 1);
    b.take("late", 2 * SECOND); // every earlier bucket has refilled by then
    assertThat(b.size()).isEqualTo(1);
    assertThat(b.take("late", 2 * SECOND)).as("the late caller's own bucket was kept").isPositive();
  }

  @Test
  void rates_read_per_second_minute_or_hour_and_bad_ones_are_refused_by_example() {
    assertThat(RequestRate.parsePerSecond("50")).isEqualTo(50);
    assertThat(RequestRate.parsePerSecond("50/s")).isEqualTo(50);
    assertThat(RequestRate.parsePerSecond("600/m")).isEqualTo(10);
    assertThat(RequestRate.parsePerSecond("3600/h")).isEqualTo(1);
    assertThatThrownBy(() -> RequestRate.parsePerSecond("fast")).hasMessageContaining("(50, 50/s, 600/m, 1000/h)");
    assertThatThrownBy(() -> RequestRate.parsePerSecond("0/s")).hasMessageContaining("more than 0");
    assertThatThrownBy(() -> new RequestRate(1, 0)).hasMessageContaining("at least 1");
    assertThat(new RequestRate(50, 100).describe()).isEqualTo("50 requests a second (bursts of 100)");
    assertThat(new RequestRate(0.5, 3).describe()).isEqualTo("30 requests a minute (bursts of 3)");
  }
}
