package dev.weft.sim.report;

import java.util.List;

/**
 * The plot area of a chart and its axes: grid lines, ticks, tick labels and axis titles. Charts
 * lay out a heading and a legend above it and draw their marks inside it.
 */
final class Frame {
  static final double WIDTH = 960;
  static final double LEFT = 76;
  static final double RIGHT = WIDTH - 24;
  static final double BELOW = 50;

  private final Axis xAxis;
  private final Axis yAxis;
  final Scale x;
  final Scale y;
  final double left;
  final double top;
  final double bottom;

  /**
   * @param yAxis the value axis, or null when the chart draws its own rows (a Gantt chart)
   * @param yDomain ignored when {@code yAxis} is null
   */
  Frame(Axis xAxis, double[] xDomain, Axis yAxis, double[] yDomain, double left, double top, double plotHeight) {
    this.xAxis = xAxis;
    this.yAxis = yAxis;
    this.left = left;
    this.top = top;
    this.bottom = top + plotHeight;
    this.x = new Scale(xAxis.log(), xDomain[0], xDomain[1], left, RIGHT);
    this.y = yAxis == null ? new Scale(false, 0, 1, bottom, top)
        : new Scale(yAxis.log(), yDomain[0], yDomain[1], bottom, top);
  }

  /** The height of the whole chart. */
  double height() {
    return bottom + BELOW;
  }

  /** Draws the chart's title and its note (a grey line under it); returns the height they take. */
  static double heading(Svg svg, String title, String note) {
    svg.text(12, 22, title, "class", "title");
    if (!note.isEmpty()) {
      svg.text(12, 40, note, "class", "note");
    }
    return headingHeight(note);
  }

  static double headingHeight(String note) {
    return note.isEmpty() ? 34 : 50;
  }

  void draw(Svg svg) {
    svg.open("g", "class", "axes");
    List<Tick> xTicks = Ticks.of(xAxis, x.min(), x.max());
    for (Tick t : xTicks) {
      double px = x.map(t.value());
      svg.empty("line", "class", "grid", "x1", Svg.n(px), "y1", Svg.n(top), "x2", Svg.n(px), "y2", Svg.n(bottom));
      svg.text(px, bottom + 16, t.label(), "text-anchor", "middle");
    }
    if (yAxis != null) {
      for (Tick t : Ticks.of(yAxis, y.min(), y.max())) {
        double py = y.map(t.value());
        svg.empty("line", "class", "grid", "x1", Svg.n(left), "y1", Svg.n(py), "x2", Svg.n(RIGHT), "y2", Svg.n(py));
        svg.text(left - 6, py + 4, t.label(), "text-anchor", "end");
      }
      svg.text(14, (top + bottom) / 2, yAxis.title(), "class", "axis-title", "text-anchor", "middle",
          "transform", "rotate(-90 14 " + Svg.n((top + bottom) / 2) + ")");
    }
    svg.empty("line", "class", "axis", "x1", Svg.n(left), "y1", Svg.n(bottom), "x2", Svg.n(RIGHT), "y2", Svg.n(bottom));
    svg.empty("line", "class", "axis", "x1", Svg.n(left), "y1", Svg.n(top), "x2", Svg.n(left), "y2", Svg.n(bottom));
    svg.text((left + RIGHT) / 2, bottom + 40, xAxis.title(), "class", "axis-title", "text-anchor", "middle");
    svg.close("g");
  }
}
