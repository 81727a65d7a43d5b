package dev.weft.sim.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.DoubleStream;

/**
 * How values spread over bins of equal width (of equal ratio on a log axis), one series per
 * sample, bars side by side. A bar's height is the share of its own series in the bin, so samples
 * of different sizes compare. Values below the axis (on a log axis: zero) count in the first bin,
 * values above it in the last.
 */
public final class Histogram implements Chart {
  private static final double PLOT_HEIGHT = 260;

  /** A named sample, its finite values only. */
  private record Sample(String label, double[] values) {}

  private final String title;
  private final List<Sample> samples = new ArrayList<>();
  private Axis x = Axis.linear("value");
  private String yTitle = "share of values";
  private int bins = 24;
  private String note = "";

  private Histogram(String title) {
    this.title = title;
  }

  public static Histogram titled(String title) {
    return new Histogram(title);
  }

  public Histogram x(Axis axis) {
    this.x = axis;
    return this;
  }

  /** The title of the share axis, e.g. {@code "share of jobs"}. */
  public Histogram yTitle(String text) {
    this.yTitle = text;
    return this;
  }

  public Histogram bins(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("a histogram needs at least one bin, not " + count);
    }
    this.bins = count;
    return this;
  }

  public Histogram note(String text) {
    this.note = text;
    return this;
  }

  public Histogram series(String label, double[] values) {
    samples.add(new Sample(label, Arrays.stream(values).filter(Double::isFinite).toArray()));
    return this;
  }

  @Override
  public String toSvg() {
    double[] xd = Extent.of(samples.stream().flatMapToDouble(s -> DoubleStream.of(s.values())), x.log()).domain(x);
    double[] edges = edges(xd);
    long[][] counts = new long[samples.size()][];
    double top = 0;
    for (int i = 0; i < samples.size(); i++) {
      counts[i] = counts(samples.get(i).values(), edges);
      top = Math.max(top, (double) Arrays.stream(counts[i]).max().orElse(0) / Math.max(1, samples.get(i).values().length));
    }
    Axis y = Axis.linear(yTitle).percent();
    double[] yd = Ticks.domain(y, 0, top);
    Legend legend = new Legend(Frame.LEFT, Frame.RIGHT);
    for (int i = 0; i < samples.size(); i++) {
      legend.add(new Legend.Entry(samples.get(i).label(), Palette.colour(i), "", false));
    }
    Frame frame = new Frame(x, xd, y, yd, Frame.LEFT, Frame.headingHeight(note) + legend.height() + 8, PLOT_HEIGHT);
    Svg svg = new Svg(Frame.WIDTH, frame.height(), title);
    Frame.heading(svg, title, note);
    legend.draw(svg, Frame.headingHeight(note));
    frame.draw(svg);
    for (int i = 0; i < samples.size(); i++) {
      drawBars(svg, frame, edges, i, counts[i]);
    }
    return svg.finish();
  }

  private void drawBars(Svg svg, Frame frame, double[] edges, int series, long[] counts) {
    Sample s = samples.get(series);
    svg.open("g", "class", "series").title(s.label());
    for (int b = 0; b < counts.length; b++) {
      double x0 = frame.x.map(edges[b]);
      double width = (frame.x.map(edges[b + 1]) - x0 - 2) / samples.size();
      double share = (double) counts[b] / Math.max(1, s.values().length);
      double y0 = frame.y.map(share);
      svg.withTitle("rect", s.label() + ": " + x.format(edges[b]) + " to " + x.format(edges[b + 1]) + ": "
              + counts[b] + " of " + s.values().length + " (" + Num.percent(share) + ")",
          "class", "bar", "x", Svg.n(x0 + 1 + series * width), "y", Svg.n(y0), "width", Svg.n(Math.max(0.5, width)),
          "height", Svg.n(frame.bottom - y0), "fill", Palette.colour(series));
    }
    svg.close("g");
  }

  private double[] edges(double[] domain) {
    double[] edges = new double[bins + 1];
    for (int b = 0; b <= bins; b++) {
      double t = (double) b / bins;
      edges[b] = x.log() ? domain[0] * Math.pow(domain[1] / domain[0], t) : domain[0] + t * (domain[1] - domain[0]);
    }
    edges[bins] = domain[1];
    return edges;
  }

  /** Counts per bin; a value on an edge belongs to the bin it starts. */
  private static long[] counts(double[] values, double[] edges) {
    int bins = edges.length - 1;
    long[] counts = new long[bins];
    for (double v : values) {
      int at = Arrays.binarySearch(edges, v);
      int bin = at >= 0 ? at : -at - 2;
      counts[Math.max(0, Math.min(bins - 1, bin))]++;
    }
    return counts;
  }
}
