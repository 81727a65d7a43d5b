package dev.weft.sim.report;

/**
 * Colours of series and categories, by position: ten colours that stay apart for most colour
 * vision (Tableau 10); past ten, series repeat the colours with a dash pattern so they still differ.
 */
final class Palette {
  private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
      "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};
  private static final String[] DASHES = {"", "6 3", "2 2", "8 3 2 3"};

  private Palette() {}

  static String colour(int index) {
    return COLOURS[index % COLOURS.length];
  }

  /** The dash pattern of a line series, empty for a solid line. */
  static String dash(int index) {
    return DASHES[(index / COLOURS.length) % DASHES.length];
  }
}
