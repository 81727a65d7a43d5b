package dev.weft.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  private static final long MS = 1_000_000L;

  private final AtomicLong clock = new AtomicLong(5_000 * MS);
  private final StringWriter err = new StringWriter();
  private final ProgressBar bar = new ProgressBar(new PrintWriter(err), clock::get);

  @Test
  void aRunShorterThanASecondDrawsNothingAtAll() {
    bar.finished(0, 10);
    clock.addAndGet(999 * MS);
    bar.finished(10, 10);
    bar.close();

    assertThat(err.toString()).isEmpty();
  }

  @Test
  void afterASecondTheBarIsDrawnInPlaceWithTheShareTheCountsAndTheTime() {
    clock.addAndGet(1_000 * MS);
    bar.finished(2_500, 10_000);

    assertThat(err.toString()).isEqualTo("\rsimulating [########......................]  25%  2,500/10,000 tasks  1.0 s");
  }

  @Test
  void itRedrawsAtMostTenTimesASecond() {
    clock.addAndGet(1_000 * MS);
    bar.finished(1, 10);
    clock.addAndGet(99 * MS);
    bar.finished(2, 10);
    clock.addAndGet(1 * MS);
    bar.finished(3, 10);

    assertThat(err.toString().split("\r", -1)).hasSize(3);
    assertThat(err.toString()).doesNotContain(" 2/10").contains(" 3/10 tasks  1.1 s");
  }

  @Test
  void closingDrawsTheLastCountAndEndsTheLineSoTheNextOutputStartsClean() {
    clock.addAndGet(2_000 * MS);
    bar.finished(9_999, 10_000);
    clock.addAndGet(10 * MS);
    bar.finished(10_000, 10_000);
    bar.close();

    assertThat(err.toString()).endsWith("\rsimulating [##############################] 100%  10,000/10,000 tasks  2.0 s\n");
  }

  @Test
  void aShorterLineBlanksWhatIsLeftOfTheLongerOne() {
    clock.addAndGet(1_000 * MS);
    bar.finished(10_000, 10_000);
    clock.addAndGet(10_000 * MS);
    bar.finished(1, 10);

    String last = err.toString().substring(err.toString().lastIndexOf('\r'));
    assertThat(last).endsWith(" ".repeat(8)).contains(" 1/10 tasks  11.0 s");
  }
}
