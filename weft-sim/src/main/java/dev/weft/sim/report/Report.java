package dev.weft.sim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One self-contained HTML page: a title, then sections of paragraphs, tables and charts, in the
 * order added. The page carries its own CSS and SVG, loads nothing (its Content-Security-Policy
 * forbids it), parses as XML, escapes every text, and is the same bytes for the same content.
 *
 * <pre>{@code
 * Report.titled("Lublin-1, EASY").section("Figures").table(figures).chart(waits).write(Path.of("out.html"));
 * }</pre>
 */
public final class Report {
  private sealed interface Block permits Heading, Paragraph, TableBlock, ChartBlock {}

  private record Heading(String text) implements Block {}

  private record Paragraph(String text) implements Block {}

  private record TableBlock(Table table) implements Block {}

  private record ChartBlock(Chart chart) implements Block {}

  private final String title;
  private final List<Block> blocks = new ArrayList<>();

  private Report(String title) {
    this.title = title;
  }

  public static Report titled(String title) {
    return new Report(title);
  }

  /** Starts a section: what follows is under this heading. */
  public Report section(String heading) {
    blocks.add(new Heading(heading));
    return this;
  }

  public Report paragraph(String text) {
    blocks.add(new Paragraph(text));
    return this;
  }

  public Report table(Table table) {
    blocks.add(new TableBlock(table));
    return this;
  }

  public Report chart(Chart chart) {
    blocks.add(new ChartBlock(chart));
    return this;
  }

  /** The page. Charts are drawn now, so a report can be rendered again after more is added. */
  public String toHtml() {
    StringBuilder out = new StringBuilder(64 * 1024);
    out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
        .append("<meta charset=\"utf-8\"/>\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"/>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        .append("<title>").append(Escape.text(title)).append("</title>\n")
        .append("<style>\n").append(Stylesheet.CSS).append("</style>\n</head>\n<body>\n<main>\n")
        .append("<h1>").append(Escape.text(title)).append("</h1>\n");
    boolean open = false;
    for (Block block : blocks) {
      if (block instanceof Heading && open) {
        out.append("</section>\n");
      }
      open |= block instanceof Heading;
      out.append(render(block));
    }
    if (open) {
      out.append("</section>\n");
    }
    return out.append("</main>\n</body>\n</html>\n").toString();
  }

  /**
   * Writes the page to {@code file} in UTF-8, replacing it.
   *
   * @throws IOException when the file cannot be written (its directory is missing, say)
   */
  public void write(Path file) throws IOException {
    Files.writeString(file, toHtml(), StandardCharsets.UTF_8);
  }

  private static String render(Block block) {
    return switch (block) {
      case Heading h -> "<section>\n<h2>" + Escape.text(h.text()) + "</h2>\n";
      case Paragraph p -> "<p>" + Escape.text(p.text()) + "</p>\n";
      case TableBlock t -> t.table().toHtml();
      case ChartBlock c -> "<figure>\n" + c.chart().toSvg() + "\n</figure>\n";
    };
  }
}
