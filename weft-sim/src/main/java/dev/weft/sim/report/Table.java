package dev.weft.sim.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A table of figures: headings, rows of text cells, an optional caption. Cells that read as numbers
 * ({@code 7,273.77}, {@code 12.5 s (0.2 min)}, {@code 87.1%}) are right-aligned; an emphasised
 * cell (the best figure of a column, say) is bold.
 */
public final class Table {
  private static final Pattern NUMERIC = Pattern.compile("[-+]?[0-9][0-9,.]*( ?[a-zA-Z%]+)?( \\(.*\\))?");

  private final List<String> headings;
  private final List<List<String>> rows = new ArrayList<>();
  private final Set<Long> emphasised = new HashSet<>();
  private String caption = "";

  private Table(List<String> headings) {
    this.headings = List.copyOf(headings);
  }

  public static Table of(String... headings) {
    return new Table(List.of(headings));
  }

  public static Table of(List<String> headings) {
    return new Table(headings);
  }

  public Table caption(String text) {
    this.caption = text;
    return this;
  }

  /** Adds a row; it must have one cell per heading. */
  public Table row(String... cells) {
    return row(List.of(cells));
  }

  public Table row(List<String> cells) {
    if (cells.size() != headings.size()) {
      throw new IllegalArgumentException("a row of " + cells.size() + " cells in a table of " + headings.size()
          + " columns: " + cells);
    }
    rows.add(List.copyOf(cells));
    return this;
  }

  /** Shows one cell in bold (rows and columns count from 0, the headings not included). */
  public Table emphasise(int row, int column) {
    emphasised.add(((long) row << 32) | column);
    return this;
  }

  public int rowCount() {
    return rows.size();
  }

  String toHtml() {
    StringBuilder out = new StringBuilder("<table>\n");
    if (!caption.isEmpty()) {
      out.append("<caption>").append(Escape.text(caption)).append("</caption>\n");
    }
    out.append("<thead><tr>");
    headings.forEach(h -> out.append("<th>").append(Escape.text(h)).append("</th>"));
    out.append("</tr></thead>\n<tbody>\n");
    for (int r = 0; r < rows.size(); r++) {
      out.append("<tr>");
      for (int c = 0; c < headings.size(); c++) {
        out.append(cell(rows.get(r).get(c), emphasised.contains(((long) r << 32) | c)));
      }
      out.append("</tr>\n");
    }
    return out.append("</tbody>\n</table>\n").toString();
  }

  private static String cell(String text, boolean bold) {
    String escaped = bold ? "<strong>" + Escape.text(text) + "</strong>" : Escape.text(text);
    return (NUMERIC.matcher(text).matches() ? "<td class=\"num\">" : "<td>") + escaped + "</td>";
  }
}
