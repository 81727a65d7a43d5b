package dev.weft.sim.report;

/**
 * Anything a {@link Report} can show as a figure. An implementation returns one {@code <svg>}
 * element in the SVG namespace, escapes every text it draws (with the package's writer, or its
 * own), fetches nothing, and gives the same bytes for the same input.
 */
public interface Chart {
  /** The chart as one self-contained {@code <svg>} element. */
  String toSvg();
}
