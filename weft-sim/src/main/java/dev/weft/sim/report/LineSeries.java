package dev.weft.sim.report;

import java.util.ArrayList;
import java.util.List;

/** One named line of a {@link LineChart}: its points, in the order they are joined. */
public record LineSeries(String label, List<Point> points) {
  public record Point(double x, double y) {}

  public LineSeries {
    points = List.copyOf(points);
  }

  /** A series from parallel arrays of x and y values. */
  public static LineSeries of(String label, double[] xs, double[] ys) {
    if (xs.length != ys.length) {
      throw new IllegalArgumentException("series " + label + ": " + xs.length + " x values but " + ys.length + " y values");
    }
    List<Point> points = new ArrayList<>(xs.length);
    for (int i = 0; i < xs.length; i++) {
      points.add(new Point(xs[i], ys[i]));
    }
    return new LineSeries(label, points);
  }
}
