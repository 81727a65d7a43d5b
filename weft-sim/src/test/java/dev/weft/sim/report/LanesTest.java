package dev.weft.sim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class LanesTest {
  @Test
  void overlappingTasksOfANodeGetTheLowestFreeLane() {
    List<GanttBar> packed = Lanes.pack(List.of(bar("n1", 0, 10, "a"), bar("n1", 2, 4, "b"), bar("n1", 5, 8, "c"),
        bar("n2", 0, 3, "d")));

    assertThat(packed).extracting(b -> b.label() + "@" + b.row())
        .containsExactly("d@n2", "a@n1/0", "b@n1/1", "c@n1/1");
  }

  @Test
  void aTaskEndingWhenAnotherStartsFreesItsLane() {
    List<GanttBar> packed = Lanes.pack(List.of(bar("n1", 0, 5, "a"), bar("n1", 5, 9, "b")));

    assertThat(packed).extracting(GanttBar::row).containsExactly("n1", "n1");
  }

  @Test
  void rowsAreInNaturalOrder() {
    assertThat(new ArrayList<>(List.of("n10", "n2", "n1/1", "n1/0", "n1/10", "n1/2")).stream()
        .sorted(NaturalOrder.INSTANCE)).containsExactly("n1/0", "n1/1", "n1/2", "n1/10", "n2", "n10");
  }

  @Property
  void noTwoBarsOfALaneOverlapAndARowUsesAsManyLanesAsItsDeepestOverlap(
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 50) Integer> starts,
      @ForAll @Size(min = 40, max = 40) List<@IntRange(min = 1, max = 20) Integer> lengths) {
    List<GanttBar> bars = new ArrayList<>();
    for (int i = 0; i < starts.size(); i++) {
      bars.add(bar("n", starts.get(i), starts.get(i) + lengths.get(i), "t" + i));
    }

    List<GanttBar> packed = Lanes.pack(bars);

    Map<String, List<GanttBar>> byLane = packed.stream().collect(Collectors.groupingBy(GanttBar::row));
    byLane.values().forEach(lane -> {
      for (int i = 1; i < lane.size(); i++) {
        assertThat(lane.get(i).start()).isGreaterThanOrEqualTo(lane.get(i - 1).end());
      }
    });
    assertThat(byLane).hasSize(deepestOverlap(bars));
  }

  private static int deepestOverlap(List<GanttBar> bars) {
    int deepest = 1;
    for (GanttBar at : bars) {
      int depth = (int) bars.stream().filter(b -> b.start() <= at.start() && at.start() < b.end()).count();
      deepest = Math.max(deepest, depth);
    }
    return deepest;
  }

  private static GanttBar bar(String row, double start, double end, String label) {
    return new GanttBar(row, start, end, "q", label);
  }
}
