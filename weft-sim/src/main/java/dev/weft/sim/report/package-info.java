/**
 * A small, dependency-free writer of self-contained HTML reports: a {@link dev.weft.sim.report.Report}
 * is a title and a list of sections holding paragraphs, {@link dev.weft.sim.report.Table}s and
 * {@link dev.weft.sim.report.Chart}s (line, bar, histogram, Gantt), written as one HTML file with
 * inline CSS and SVG and nothing fetched from anywhere, so it opens offline.
 *
 * <p>The markup is XHTML-compatible (it parses as XML), every text is escaped (task ids come from
 * user files), and the output is deterministic: the same input gives the same bytes.
 */
package dev.weft.sim.report;
