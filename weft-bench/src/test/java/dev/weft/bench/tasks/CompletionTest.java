package dev.weft.bench.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompletionTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void pollsEveryTwentyMillisUntilSomeProgressIsSeen() {
    assertThat(Completion.nextWaitMillis(20_000, 0, 0, SECOND)).isEqualTo(20);
    assertThat(Completion.nextWaitMillis(20_000, 500, 500, SECOND)).isEqualTo(20);
    assertThat(Completion.nextWaitMillis(20_000, 0, 100, 0)).isEqualTo(20);
  }

  @Test
  void waitsAQuarterOfTheTimeLeftAtTheRateSeen() {
    // 1,000 done in 1 s since the first poll, 8,000 left: 8 s left, wait 2 s, capped at 500 ms
    assertThat(Completion.nextWaitMillis(10_000, 1_000, 2_000, SECOND)).isEqualTo(500);
    // 1,000 done in 1 s, 800 left: 0.8 s left, wait 200 ms
    assertThat(Completion.nextWaitMillis(1_800, 0, 1_000, SECOND)).isEqualTo(200);
  }

  @Test
  void pollsEveryTwentyMillisNearTheEnd() {
    assertThat(Completion.nextWaitMillis(10_000, 0, 9_990, SECOND)).isEqualTo(20);
    assertThat(Completion.nextWaitMillis(10_000, 0, 10_000, SECOND)).isEqualTo(20);
  }
}
