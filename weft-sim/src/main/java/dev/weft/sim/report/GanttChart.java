package dev.weft.sim.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A schedule: one row per node, slot or lane (rows in natural order of their names), each bar
 * something that ran there, coloured by its category, with its label as tooltip. Use
 * {@link Lanes#pack} first when the rows are nodes that ran several things at once. Beyond
 * {@link #maxBars} bars only the first ones given are drawn, and the note says so.
 */
public final class GanttChart implements Chart {
  /** Bars drawn at most by default: enough for any workflow, small enough for a browser. */
  public static final int DEFAULT_MAX_BARS = 5_000;
  private static final int LEGEND_ENTRIES = 24;
  private static final double CHAR = 6.6;

  private final String title;
  private final List<GanttBar> bars = new ArrayList<>();
  private Axis x = Axis.linear("time").seconds();
  private String note = "";
  private int maxBars = DEFAULT_MAX_BARS;

  private GanttChart(String title) {
    this.title = title;
  }

  public static GanttChart titled(String title) {
    return new GanttChart(title);
  }

  public GanttChart x(Axis axis) {
    this.x = axis;
    return this;
  }

  public GanttChart note(String text) {
    this.note = text;
    return this;
  }

  public GanttChart maxBars(int count) {
    this.maxBars = count;
    return this;
  }

  public GanttChart bars(List<GanttBar> all) {
    bars.addAll(all);
    return this;
  }

  @Override
  public String toSvg() {
    List<GanttBar> shown = bars.subList(0, Math.min(bars.size(), maxBars));
    String fullNote = shown.size() < bars.size()
        ? join(note, "showing the first " + shown.size() + " of " + bars.size() + " bars") : note;
    List<String> rows = sorted(shown.stream().map(GanttBar::row));
    Map<String, Integer> colours = indexOf(sorted(shown.stream().map(GanttBar::category)));
    double rowHeight = rows.size() <= 40 ? 16 : Math.max(2, Math.min(16, 720.0 / rows.size()));
    double left = Math.min(200, 24 + CHAR * rows.stream().mapToInt(String::length).max().orElse(4));
    Legend legend = legend(colours, left);
    double[] xd = Extent.of(shown.stream().flatMapToDouble(b -> Stream.of(b.start(), b.end())
        .mapToDouble(Double::doubleValue)), x.log()).domain(x);
    Frame frame = new Frame(x, xd, null, null, left, Frame.headingHeight(fullNote) + legend.height() + 8,
        Math.max(1, rows.size()) * rowHeight);
    Svg svg = new Svg(Frame.WIDTH, frame.height(), title);
    Frame.heading(svg, title, fullNote);
    legend.draw(svg, Frame.headingHeight(fullNote));
    frame.draw(svg);
    rowLabels(svg, frame, rows, rowHeight);
    drawBars(svg, frame, shown, indexOf(rows), colours, rowHeight);
    return svg.finish();
  }

  private static void drawBars(Svg svg, Frame frame, List<GanttBar> shown, Map<String, Integer> rowIndex,
                               Map<String, Integer> colours, double rowHeight) {
    double gap = rowHeight > 4 ? 1 : 0;
    svg.open("g", "class", "bars");
    for (GanttBar b : shown) {
      double x0 = frame.x.map(b.start());
      svg.withTitle("rect", b.label(), "class", "bar", "x", Svg.n(x0),
          "y", Svg.n(frame.top + rowIndex.get(b.row()) * rowHeight + gap),
          "width", Svg.n(Math.max(0.5, frame.x.map(b.end()) - x0)), "height", Svg.n(Math.max(1, rowHeight - 2 * gap)),
          "fill", Palette.colour(colours.get(b.category())));
    }
    svg.close("g");
  }

  /** Every row's name when rows are tall enough to read; else every k-th. */
  private static void rowLabels(Svg svg, Frame frame, List<String> rows, double rowHeight) {
    int every = (int) Math.ceil(11 / rowHeight);
    svg.open("g", "class", "rows");
    for (int i = 0; i < rows.size(); i += every) {
      svg.text(frame.left - 6, frame.top + i * rowHeight + Math.min(rowHeight, 16) / 2 + 4, rows.get(i),
          "text-anchor", "end");
    }
    svg.close("g");
  }

  private Legend legend(Map<String, Integer> colours, double left) {
    Legend legend = new Legend(left, Frame.RIGHT);
    colours.entrySet().stream().limit(LEGEND_ENTRIES)
        .forEach(e -> legend.add(new Legend.Entry(e.getKey(), Palette.colour(e.getValue()), "", false)));
    if (colours.size() > LEGEND_ENTRIES) {
      legend.add(new Legend.Entry("\u2026 " + (colours.size() - LEGEND_ENTRIES) + " more", "#ffffff", "", false));
    }
    return legend;
  }

  private static List<String> sorted(Stream<String> names) {
    TreeSet<String> set = new TreeSet<>(NaturalOrder.INSTANCE);
    names.forEach(set::add);
    return List.copyOf(set);
  }

  private static Map<String, Integer> indexOf(List<String> names) {
    Map<String, Integer> index = new LinkedHashMap<>();
    names.forEach(n -> index.put(n, index.size()));
    return index;
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : a + "; " + b;
  }
}
