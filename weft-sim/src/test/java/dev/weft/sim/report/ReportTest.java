package dev.weft.sim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.sim.testing.Xhtml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
  private static final String HOSTILE = "<script>alert('x&y')</script>\"";

  @Test
  void aReportWithEveryKindOfPartParsesAsXmlWithOneSvgPerChart() {
    String html = everything("a").toHtml();

    Xhtml doc = Xhtml.parse(html);
    assertThat(doc.count("//*[local-name()='svg' and namespace-uri()='http://www.w3.org/2000/svg']")).isEqualTo(4);
    assertThat(doc.count("//*[local-name()='section']")).isEqualTo(2);
    assertThat(doc.count("//*[local-name()='table']")).isEqualTo(1);
    assertThat(doc.document().getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/1999/xhtml");
  }

  @Test
  void textFromUserFilesIsEscapedEverywhereAndReadsBackUnchanged() {
    String html = everything(HOSTILE).toHtml();

    assertThat(html).doesNotContainIgnoringCase("<script");
    Xhtml doc = Xhtml.parse(html);
    assertThat(doc.count("//*[local-name()='script']")).isZero();
    assertThat(doc.texts("//*[local-name()='td']")).contains(HOSTILE);
    assertThat(doc.texts("//*[local-name()='title']")).contains(HOSTILE + ": 1.0 s, 50.0%");
    assertThat(doc.texts("//*[local-name()='h1']")).contains("report " + HOSTILE);
  }

  @Test
  void charactersXmlCannotCarryBecomeReplacementCharacters() {
    String html = Report.titled("bell\u0007 and nul\u0000").table(Table.of("id").row("lone \uD800 surrogate")).toHtml();

    Xhtml doc = Xhtml.parse(html);
    assertThat(doc.texts("//*[local-name()='h1']")).contains("bell\uFFFD and nul\uFFFD");
    assertThat(doc.texts("//*[local-name()='td']")).contains("lone \uFFFD surrogate");
  }

  @Test
  void theSameContentGivesTheSameBytes() {
    assertThat(everything("a").toHtml()).isEqualTo(everything("a").toHtml());
  }

  @Test
  void nothingIsLoadedFromElsewhere() {
    String html = everything("a").toHtml();

    assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")
        .replace("xmlns=\"http://www.w3.org/1999/xhtml\"", ""))
        .doesNotContain("http:").doesNotContain("https:").doesNotContain("src=").doesNotContain("url(")
        .doesNotContain("@import").doesNotContain("<link");
    assertThat(html).contains("Content-Security-Policy\" content=\"default-src 'none'");
  }

  @Test
  void writeReplacesTheFileAndFailsWhenItsDirectoryIsMissing(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("r.html");
    Files.writeString(file, "old");

    everything("a").write(file);

    assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>");
    assertThatThrownBy(() -> everything("a").write(dir.resolve("missing/r.html"))).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void aRowMustHaveOneCellPerHeading() {
    assertThatThrownBy(() -> Table.of("a", "b").row("1")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a row of 1 cells in a table of 2 columns");
  }

  @Test
  void cellsThatReadAsNumbersAreRightAlignedAndEmphasisedCellsAreBold() {
    String html = Report.titled("t").table(Table.of("run", "wait").row("fcfs", "1,234.5 s (20.6 min)")
        .row("sjf", "12.0 s").emphasise(1, 1)).toHtml();

    assertThat(html).contains("<td>fcfs</td><td class=\"num\">1,234.5 s (20.6 min)</td>")
        .contains("<td class=\"num\"><strong>12.0 s</strong></td>");
  }

  private static Report everything(String name) {
    LineSeries line = LineSeries.of(name, new double[] {1, 10, 100}, new double[] {0.5, 0.75, 1});
    return Report.titled("report " + name)
        .paragraph("about " + name)
        .section("Figures " + name)
        .table(Table.of("id", "value").row(name, "1.0 s").caption(name))
        .chart(LineChart.titled("line " + name).x(Axis.log("wait").seconds()).y(Axis.linear("share").percent())
            .series(line))
        .section("More")
        .chart(Histogram.titled("hist " + name).x(Axis.log("wait").seconds()).series(name, new double[] {0, 5, 50}))
        .chart(GanttChart.titled("gantt " + name).bars(List.of(new GanttBar("n1", 0, 5, name, name + " ran"))))
        .chart(BarChart.titled("bars " + name).bar(name, 3));
  }
}
