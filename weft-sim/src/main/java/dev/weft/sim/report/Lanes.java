package dev.weft.sim.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;

/**
 * Splits each row of bars into lanes where no two bars overlap, for schedules that record the node
 * of a task but not its slot: greedy interval packing, bars taken by start (then end, then label),
 * each into the lowest-numbered lane free at its start. A row that needs one lane keeps its name;
 * otherwise its lanes are named {@code row/0}, {@code row/1}, ... The packing uses as many lanes as
 * the most bars that overlap at one moment.
 */
public final class Lanes {
  private static final Comparator<GanttBar> BY_START = Comparator.comparingDouble(GanttBar::start)
      .thenComparingDouble(GanttBar::end).thenComparing(GanttBar::label);

  private Lanes() {}

  /** The same bars, each moved into a lane of its row; in start order. */
  public static List<GanttBar> pack(List<GanttBar> bars) {
    Map<String, List<GanttBar>> byRow = new LinkedHashMap<>();
    bars.forEach(b -> byRow.computeIfAbsent(b.row(), r -> new ArrayList<>()).add(b));
    List<GanttBar> out = new ArrayList<>(bars.size());
    byRow.forEach((row, inRow) -> out.addAll(packRow(row, inRow)));
    out.sort(BY_START);
    return out;
  }

  private record Busy(double end, int lane) {}

  private static List<GanttBar> packRow(String row, List<GanttBar> bars) {
    List<GanttBar> sorted = new ArrayList<>(bars);
    sorted.sort(BY_START);
    PriorityQueue<Busy> busy = new PriorityQueue<>(Comparator.comparingDouble(Busy::end).thenComparingInt(Busy::lane));
    TreeSet<Integer> free = new TreeSet<>();
    int[] lanes = new int[sorted.size()];
    int used = 0;
    for (int i = 0; i < sorted.size(); i++) {
      GanttBar b = sorted.get(i);
      while (!busy.isEmpty() && busy.peek().end() <= b.start()) {
        free.add(busy.poll().lane());
      }
      lanes[i] = free.isEmpty() ? used++ : free.pollFirst();
      busy.add(new Busy(b.end(), lanes[i]));
    }
    List<GanttBar> out = new ArrayList<>(sorted.size());
    for (int i = 0; i < sorted.size(); i++) {
      out.add(used == 1 ? sorted.get(i) : sorted.get(i).inRow(row + "/" + lanes[i]));
    }
    return out;
  }
}
