package dev.weft.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SummaryTest {
  private static final Instant T0 = Instant.parse("2026-11-24T04:00:00Z");

  @Test
  void the_summary_shows_where_each_task_ran_its_waits_its_preemptions_and_the_backfills() {
    TaskStory urgent = new TaskStory("urgent/report", "root.prod", 80, "cpu", 1, 3_000, T0.plusSeconds(2), "SUCCEEDED", 0,
        List.of(new Attempt(0, "node-a", T0.plusSeconds(3), T0.plusMillis(3_400), T0.plusMillis(5_400), null)));
    TaskStory victim = new TaskStory("fill/crunch-1", "root.batch", 20, "cpu", 1, 12_000, T0, "SUCCEEDED", 0, List.of(
        new Attempt(0, "node-a", T0.plusSeconds(1), T0.plusMillis(1_500), null,
            "preempted for urgent/report: priority 80 preempts priority <= 70"),
        new Attempt(1, "node-b", T0.plusSeconds(9), T0.plusSeconds(9), T0.plusSeconds(20), null)));
    TaskStory wide = new TaskStory("wide/render", "root.batch", 20, "cpu", 4, 5_000, T0.plusSeconds(2), "SUCCEEDED", 0,
        List.of(new Attempt(0, "node-c", T0.plusSeconds(13), T0.plusSeconds(13), T0.plusSeconds(17), null)));
    List<TaskStory> stories = List.of(victim, urgent, wide);
    String text = Summary.render(stories, Map.of("node-a", "eu/zone-a/rack-1", "node-b", "eu/zone-a/rack-2",
        "node-c", "eu/zone-b/rack-1"), Backfill.find(stories, Map.of("root.batch", "sjf")), T0);

    assertThat(text).contains(
        "fill/crunch-1  root.batch  20    cpu      1    node-b (eu/zone-a/rack-2)  1.5 s   11.0 s  2         on node-a for urgent/report  SUCCEEDED",
        "urgent/report  root.prod   80    cpu      1    node-a (eu/zone-a/rack-1)  1.4 s   2.0 s   1         -",
        "wide/render    root.batch  20    cpu      4    node-c (eu/zone-b/rack-1)  11.0 s  4.0 s   1         -",
        "  root.batch   2 tasks  mean 6.3 s  max 11.0 s",
        "  root.prod    1 tasks  mean 1.4 s  max 1.4 s",
        "Preemptions observed: 1\n  fill/crunch-1 (priority 20, root.batch) on node-a, running since +1.5 s: preempted for"
            + " urgent/report: priority 80 preempts priority <= 70; queued again",
        "Backfills observed: 1\n  fill/crunch-1 started on node-b at +9.0 s while wide/render (ahead of it in sjf:"
            + " estimate 5.0 s before 12.0 s) waited from +2.0 s to +13.0 s");
  }
}
