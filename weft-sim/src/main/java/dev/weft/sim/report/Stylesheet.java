package dev.weft.sim.report;

/** The CSS of a report: system fonts only, nothing fetched. */
final class Stylesheet {
  static final String CSS = """
      body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222; margin: 0;
             background: #f7f7f7; }
      main { max-width: 1000px; margin: 0 auto; padding: 24px; }
      h1 { font-size: 22px; margin: 0 0 8px; }
      h2 { font-size: 17px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid #ddd; }
      p { margin: 6px 0 10px; max-width: 80ch; }
      table { border-collapse: collapse; margin: 8px 0 16px; background: #fff; }
      caption { caption-side: top; text-align: left; font-weight: 600; padding: 4px 0; }
      th, td { padding: 4px 10px; border-bottom: 1px solid #eee; text-align: left; vertical-align: top; }
      th { background: #efefef; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      figure { margin: 12px 0 20px; padding: 4px; background: #fff; border: 1px solid #e3e3e3; border-radius: 4px; }
      svg.chart { display: block; max-width: 100%; height: auto; }
      svg.chart text { font-size: 12px; fill: #333; }
      svg.chart .title { font-size: 15px; font-weight: 600; }
      svg.chart .note, svg.chart .value { fill: #666; }
      svg.chart .grid { stroke: #ececec; }
      svg.chart .axis { stroke: #999; }
      svg.chart .hover { fill-opacity: 0; }
      svg.chart .hover:hover { fill-opacity: 1; }
      svg.chart .bar:hover { opacity: 0.7; }
      svg.chart .bars rect { stroke: #fff; stroke-width: 0.5; }
      """;

  private Stylesheet() {}
}
