package dev.weft.sim.report;

import java.util.ArrayList;
import java.util.List;

/** The key of a chart: a swatch and a label per series, flowing left to right in rows under the title. */
final class Legend {
  static final double ROW = 18;
  private static final double CHAR = 6.6;
  private static final int LONGEST = 48;

  record Entry(String label, String colour, String dash, boolean line) {}

  private final List<Entry> entries = new ArrayList<>();
  private final double left;
  private final double right;

  Legend(double left, double right) {
    this.left = left;
    this.right = right;
  }

  Legend add(Entry e) {
    entries.add(e);
    return this;
  }

  /** The height the legend takes (zero with fewer than two entries: a lone series needs no key). */
  double height() {
    return entries.size() < 2 ? 0 : rows() * ROW + 6;
  }

  void draw(Svg svg, double top) {
    if (height() == 0) {
      return;
    }
    svg.open("g", "class", "legend");
    double x = left;
    double y = top + ROW - 5;
    for (Entry e : entries) {
      double w = width(e);
      if (x + w > right && x > left) {
        x = left;
        y += ROW;
      }
      svg.open("g").title(e.label());
      swatch(svg, e, x, y);
      svg.text(x + 22, y, shortLabel(e.label()));
      svg.close("g");
      x += w;
    }
    svg.close("g");
  }

  private void swatch(Svg svg, Entry e, double x, double y) {
    if (e.line()) {
      svg.empty("line", "x1", Svg.n(x), "y1", Svg.n(y - 4), "x2", Svg.n(x + 18), "y2", Svg.n(y - 4),
          "stroke", e.colour(), "stroke-width", "2.5", "stroke-dasharray", e.dash().isEmpty() ? "none" : e.dash());
    } else {
      svg.empty("rect", "x", Svg.n(x + 2), "y", Svg.n(y - 10), "width", "12", "height", "12", "fill", e.colour());
    }
  }

  private int rows() {
    int rows = 1;
    double x = left;
    for (Entry e : entries) {
      double w = width(e);
      if (x + w > right && x > left) {
        rows++;
        x = left;
      }
      x += w;
    }
    return rows;
  }

  private static double width(Entry e) {
    return 22 + shortLabel(e.label()).length() * CHAR + 18;
  }

  private static String shortLabel(String label) {
    return label.length() <= LONGEST ? label : label.substring(0, LONGEST - 1) + "\u2026";
  }
}
