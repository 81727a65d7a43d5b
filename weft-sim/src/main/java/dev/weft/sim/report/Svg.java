package dev.weft.sim.report;

/**
 * Writes one SVG element. Attributes are given as name/value pairs; every value and every text is
 * escaped here, so callers pass raw strings. Numbers go through {@link Num#coord}.
 */
final class Svg {
  static final String NS = "http://www.w3.org/2000/svg";

  private final StringBuilder out = new StringBuilder(4096);

  /** Opens the root element; {@code label} is read by screen readers. */
  Svg(double width, double height, String label) {
    out.append("<svg xmlns=\"").append(NS).append("\" class=\"chart\" viewBox=\"0 0 ").append(Num.coord(width))
        .append(' ').append(Num.coord(height)).append("\" width=\"").append(Num.coord(width))
        .append("\" height=\"").append(Num.coord(height)).append("\" role=\"img\" aria-label=\"")
        .append(Escape.text(label)).append("\">\n");
  }

  Svg open(String tag, String... attributes) {
    start(tag, attributes);
    out.append(">\n");
    return this;
  }

  Svg close(String tag) {
    out.append("</").append(tag).append(">\n");
    return this;
  }

  /** An element without content: {@code <line .../>}. */
  Svg empty(String tag, String... attributes) {
    start(tag, attributes);
    out.append("/>\n");
    return this;
  }

  /** An element whose tooltip is {@code title}: {@code <rect ...><title>...</title></rect>}. */
  Svg withTitle(String tag, String title, String... attributes) {
    start(tag, attributes);
    out.append("><title>").append(Escape.text(title)).append("</title></").append(tag).append(">\n");
    return this;
  }

  /** A {@code <title>} for the enclosing group. */
  Svg title(String title) {
    out.append("<title>").append(Escape.text(title)).append("</title>\n");
    return this;
  }

  Svg text(double x, double y, String text, String... attributes) {
    out.append("<text x=\"").append(Num.coord(x)).append("\" y=\"").append(Num.coord(y)).append('"');
    attributes(attributes);
    out.append('>').append(Escape.text(text)).append("</text>\n");
    return this;
  }

  String finish() {
    return out.append("</svg>").toString();
  }

  private void start(String tag, String... attributes) {
    out.append('<').append(tag);
    attributes(attributes);
  }

  private void attributes(String... attributes) {
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name/value pairs");
    }
    for (int i = 0; i < attributes.length; i += 2) {
      out.append(' ').append(attributes[i]).append("=\"").append(Escape.text(attributes[i + 1])).append('"');
    }
  }

  static String n(double v) {
    return Num.coord(v);
  }
}
