package dev.weft.server.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.RuntimeHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewestRunsTest {
  private static final Instant T = Instant.parse("2026-11-24T12:00:00Z");

  private static RuntimeHistory.Run run(String id, int attempt, String name, Instant at) {
    return new RuntimeHistory.Run(id, attempt, name, 5, at);
  }

  @Test
  void aReportWithFewRunsOfEachNameIsRecordedWhole() {
    List<RuntimeHistory.Run> runs = List.of(run("a/0", 1, "a", T), run("b/0", 1, "b", T));
    assertThat(NewestRuns.of(runs, 9)).isSameAs(runs);
  }

  @Test
  void keepsTheNewestRunsOfEachNameInTheStoresOrder() {
    List<RuntimeHistory.Run> runs = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      runs.add(run("job/" + (char) ('a' + i), 1, "job", T)); // same finish: ordered by task id
    }
    runs.add(run("job/a", 2, "job", T)); // a later attempt of the first task sorts after attempt 1, before job/b
    runs.add(run("other/0", 1, "other", T.minusSeconds(1)));
    runs.add(run("job/0", 1, "job", T.plusMillis(1))); // finished last: newest whatever its id
    List<RuntimeHistory.Run> kept = NewestRuns.of(runs, 3);
    assertThat(kept).extracting(RuntimeHistory.Run::taskId).containsExactly("job/s", "job/t", "other/0", "job/0");
  }
}
