package dev.weft.cli.demo;

import java.util.List;

/** Rows of text as left-aligned columns, two spaces apart, the first row a header. */
final class Columns {
  private Columns() {}

  static String render(List<String[]> rows) {
    int n = rows.getFirst().length;
    int[] width = new int[n];
    for (String[] r : rows) {
      for (int i = 0; i < n; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    StringBuilder b = new StringBuilder();
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < n; i++) {
        line.append(r[i]);
        if (i < n - 1) {
          line.append(" ".repeat(width[i] - r[i].length() + 2));
        }
      }
      b.append(line.toString().stripTrailing()).append('\n');
    }
    return b.toString();
  }
}
