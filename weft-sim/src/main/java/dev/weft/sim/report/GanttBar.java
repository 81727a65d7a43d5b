package dev.weft.sim.report;

/**
 * One bar of a {@link GanttChart}: something that occupied a row from {@code start} to {@code end}.
 *
 * @param row the row it is drawn in (a node, a slot, a lane)
 * @param start the start, in the units of the chart's time axis (seconds by default)
 * @param category what colours it (a queue, a task type)
 * @param label its tooltip
 */
public record GanttBar(String row, double start, double end, String category, String label) {
  public GanttBar {
    if (end < start) {
      throw new IllegalArgumentException("bar " + label + " ends (" + end + ") before it starts (" + start + ")");
    }
  }

  public GanttBar inRow(String newRow) {
    return new GanttBar(newRow, start, end, category, label);
  }
}
