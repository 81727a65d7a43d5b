package dev.weft.sim.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines on x/y axes, one per {@link LineSeries}, with a legend when there are several: utilisation
 * over time, a distribution function, an allocation ratio against demand. Each point carries a
 * tooltip with its values (for series of at most {@value #HOVER_POINTS} points).
 */
public final class LineChart implements Chart {
  static final int HOVER_POINTS = 400;
  private static final double PLOT_HEIGHT = 300;

  private final String title;
  private final List<LineSeries> series = new ArrayList<>();
  private Axis x = Axis.linear("x");
  private Axis y = Axis.linear("y");
  private boolean steps;
  private String note = "";

  private LineChart(String title) {
    this.title = title;
  }

  public static LineChart titled(String title) {
    return new LineChart(title);
  }

  public LineChart x(Axis axis) {
    this.x = axis;
    return this;
  }

  public LineChart y(Axis axis) {
    this.y = axis;
    return this;
  }

  /** Draws each series as a step function: a point's value holds until the next point. */
  public LineChart steps() {
    this.steps = true;
    return this;
  }

  /** A line under the title saying how to read the chart. */
  public LineChart note(String text) {
    this.note = text;
    return this;
  }

  public LineChart series(LineSeries s) {
    series.add(s);
    return this;
  }

  public LineChart series(List<LineSeries> all) {
    series.addAll(all);
    return this;
  }

  @Override
  public String toSvg() {
    double[] xd = Extent.of(series.stream().flatMap(s -> s.points().stream()).mapToDouble(LineSeries.Point::x),
        x.log()).domain(x);
    double[] yd = Extent.of(series.stream().flatMap(s -> s.points().stream()).mapToDouble(LineSeries.Point::y),
        y.log()).domain(y);
    Legend legend = new Legend(Frame.LEFT, Frame.RIGHT);
    for (int i = 0; i < series.size(); i++) {
      legend.add(new Legend.Entry(series.get(i).label(), Palette.colour(i), Palette.dash(i), true));
    }
    double top = Frame.headingHeight(note) + legend.height() + 8;
    Frame frame = new Frame(x, xd, y, yd, Frame.LEFT, top, PLOT_HEIGHT);
    Svg svg = new Svg(Frame.WIDTH, frame.height(), title);
    Frame.heading(svg, title, note);
    legend.draw(svg, Frame.headingHeight(note));
    frame.draw(svg);
    for (int i = 0; i < series.size(); i++) {
      drawSeries(svg, frame, series.get(i), i);
    }
    return svg.finish();
  }

  private void drawSeries(Svg svg, Frame frame, LineSeries s, int index) {
    svg.open("g", "class", "series");
    svg.title(s.label());
    svg.empty("path", "d", path(frame, s.points()), "fill", "none", "stroke", Palette.colour(index),
        "stroke-width", "2", "stroke-dasharray", Palette.dash(index).isEmpty() ? "none" : Palette.dash(index));
    if (s.points().size() <= HOVER_POINTS) {
      for (LineSeries.Point p : s.points()) {
        svg.withTitle("circle", s.label() + ": " + x.format(p.x()) + ", " + y.format(p.y()),
            "cx", Svg.n(frame.x.map(p.x())), "cy", Svg.n(frame.y.map(p.y())), "r", "4", "class", "hover",
            "fill", Palette.colour(index));
      }
    }
    svg.close("g");
  }

  private String path(Frame frame, List<LineSeries.Point> points) {
    StringBuilder d = new StringBuilder();
    for (int i = 0; i < points.size(); i++) {
      String px = Svg.n(frame.x.map(points.get(i).x()));
      String py = Svg.n(frame.y.map(points.get(i).y()));
      if (i == 0) {
        d.append('M').append(px).append(',').append(py);
      } else if (steps) {
        d.append(" H").append(px).append(" V").append(py);
      } else {
        d.append(" L").append(px).append(',').append(py);
      }
    }
    return d.toString();
  }
}
