package dev.weft.sim.report;

/**
 * Escapes text for HTML and XML alike, in element content and in quoted attribute values.
 * Characters XML cannot carry (control characters, lone surrogates) become U+FFFD, so text from a
 * user's file can never break the markup.
 */
final class Escape {
  private Escape() {}

  static String text(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> i = appendChecked(s, i, out);
      }
    }
    return out.toString();
  }

  /** Appends the character at {@code i} (a surrogate pair takes two), returning the last index used. */
  private static int appendChecked(String s, int i, StringBuilder out) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
      out.append(c).append(s.charAt(i + 1));
      return i + 1;
    }
    boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xFFFE && !Character.isSurrogate(c));
    out.append(allowed ? c : '\uFFFD');
    return i;
  }
}
