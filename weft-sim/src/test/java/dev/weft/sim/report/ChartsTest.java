package dev.weft.sim.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.sim.testing.Xhtml;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChartsTest {
  @Test
  void aLineChartDrawsOneGroupPerSeriesWithALegendAndATooltipPerPoint() {
    String svg = LineChart.titled("GPU allocation").x(Axis.linear("arrived demand").percent().range(0, 1))
        .y(Axis.linear("allocated").percent().range(0, 1))
        .series(LineSeries.of("best-fit", new double[] {0.5, 1}, new double[] {0.5, 0.9286}))
        .series(LineSeries.of("weft", new double[] {0.5, 1}, new double[] {0.5, 0.9523})).toSvg();

    Xhtml doc = Xhtml.parse(svg);
    assertThat(doc.count("//*[@class='series']")).isEqualTo(2);
    assertThat(doc.texts("//*[@class='legend']//*[local-name()='text']")).isEqualTo("best-fit\nweft\n");
    assertThat(doc.texts("//*[local-name()='circle']/*[local-name()='title']")).contains("best-fit: 100.0%, 92.9%")
        .contains("weft: 100.0%, 95.2%");
    assertThat(doc.texts("//*[local-name()='text']")).contains("arrived demand").contains("allocated");
  }

  @Test
  void aLoneSeriesNeedsNoLegend() {
    String svg = LineChart.titled("u").series(LineSeries.of("only", new double[] {0, 1}, new double[] {0, 1})).toSvg();

    assertThat(Xhtml.parse(svg).count("//*[@class='legend']")).isZero();
  }

  @Test
  void aCdfOfFewValuesIsExactAndOfManyIsSampledAndEndsAtOne() {
    LineSeries exact = Cdf.of("w", new double[] {3, 1, 1, 2}, true, 10);
    LineSeries sampled = Cdf.of("w", IntStream.range(0, 10_000).asDoubleStream().toArray(), true, 50);

    assertThat(exact.points()).containsExactly(new LineSeries.Point(1, 0.5), new LineSeries.Point(2, 0.75),
        new LineSeries.Point(3, 1));
    assertThat(sampled.points()).hasSize(50);
    assertThat(sampled.points().get(49)).isEqualTo(new LineSeries.Point(9999, 1));
  }

  @Test
  void aSampledCdfOnALogAxisStartsAtTheLeastValueEvenWhenItIsZero() {
    double[] waits = IntStream.range(0, 1_000).mapToDouble(i -> i < 400 ? 0 : i).toArray();

    LineSeries s = Cdf.of("w", waits, true, 50);

    assertThat(s.points().get(0)).isEqualTo(new LineSeries.Point(0, 0.4));
    assertThat(s.points().get(1).x()).isEqualTo(400);
    assertThat(s.points()).hasSize(50);
  }

  @Test
  void aHistogramCountsValuesBelowALogAxisInItsFirstBin() {
    String svg = Histogram.titled("waits").x(Axis.log("wait").seconds().range(1, 100)).bins(2)
        .series("fcfs", new double[] {0, 0, 5, 50}).toSvg();

    assertThat(Xhtml.parse(svg).texts("//*[local-name()='rect']/*[local-name()='title']"))
        .isEqualTo("fcfs: 1.0 s to 10.0 s: 3 of 4 (75.0%)\nfcfs: 10.0 s to 100.0 s: 1 of 4 (25.0%)\n");
  }

  @Test
  void aGanttChartDrawsRowsInNaturalOrderAndColoursByCategory() {
    String svg = GanttChart.titled("schedule").bars(List.of(new GanttBar("n10", 0, 5, "b", "t1"),
        new GanttBar("n2", 1, 4, "a", "t2"), new GanttBar("n2", 4, 6, "b", "t3"))).toSvg();

    Xhtml doc = Xhtml.parse(svg);
    assertThat(doc.texts("//*[@class='rows']/*")).isEqualTo("n2\nn10\n");
    assertThat(doc.texts("//*[@class='bars']/*[local-name()='rect']/*")).isEqualTo("t1\nt2\nt3\n");
    assertThat(doc.all("//*[@class='bars']/*[local-name()='rect']").item(0).getAttributes().getNamedItem("fill")
        .getNodeValue()).isEqualTo(Palette.colour(1));
  }

  @Test
  void aGanttChartOfTooManyBarsDrawsTheFirstAndSaysSo() {
    List<GanttBar> bars = IntStream.range(0, 30).mapToObj(i -> new GanttBar("n", i, i + 1, "q", "t" + i)).toList();

    String svg = GanttChart.titled("s").maxBars(10).bars(bars).toSvg();

    assertThat(Xhtml.parse(svg).count("//*[@class='bars']/*")).isEqualTo(10);
    assertThat(svg).contains("showing the first 10 of 30 bars");
  }
}
