package dev.weft.sim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.DoubleStream;

/** One figure per label as horizontal bars, in the order given: e.g. the average bounded slowdown of each policy. */
public final class BarChart implements Chart {
  private static final double ROW = 24;
  private static final double CHAR = 6.6;

  private record Bar(String label, double value) {}

  private final String title;
  private final List<Bar> bars = new ArrayList<>();
  private Axis x = Axis.linear("value");
  private String note = "";

  private BarChart(String title) {
    this.title = title;
  }

  public static BarChart titled(String title) {
    return new BarChart(title);
  }

  /** The value axis (horizontal). */
  public BarChart x(Axis axis) {
    this.x = axis;
    return this;
  }

  public BarChart note(String text) {
    this.note = text;
    return this;
  }

  public BarChart bar(String label, double value) {
    bars.add(new Bar(label, value));
    return this;
  }

  @Override
  public String toSvg() {
    double[] xd = Extent.of(DoubleStream.concat(bars.stream().mapToDouble(Bar::value),
        x.log() ? DoubleStream.empty() : DoubleStream.of(0)), x.log()).domain(x);
    double left = Math.min(320, 24 + CHAR * bars.stream().mapToInt(b -> b.label().length()).max().orElse(4));
    Frame frame = new Frame(x, xd, null, null, left, Frame.headingHeight(note) + 8, Math.max(1, bars.size()) * ROW);
    Svg svg = new Svg(Frame.WIDTH, frame.height(), title);
    Frame.heading(svg, title, note);
    frame.draw(svg);
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      double y = frame.top + i * ROW;
      double x0 = frame.x.map(x.log() ? frame.x.min() : 0);
      double x1 = frame.x.map(b.value());
      svg.text(left - 8, y + ROW / 2 + 4, b.label(), "text-anchor", "end");
      svg.withTitle("rect", b.label() + ": " + x.format(b.value()), "class", "bar", "x", Svg.n(Math.min(x0, x1)),
          "y", Svg.n(y + 4), "width", Svg.n(Math.max(0.5, Math.abs(x1 - x0))), "height", Svg.n(ROW - 8),
          "fill", Palette.colour(0));
      svg.text(Math.max(x0, x1) + 4, y + ROW / 2 + 4, x.format(b.value()), "class", "value");
    }
    return svg.finish();
  }
}
