package dev.weft.workflow.expr;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * RFC 6570 level-1 URI templates: each {@code {name}} is replaced by the value of the top-level
 * property {@code name}, percent-encoded except for unreserved characters; an undefined or null
 * variable expands to nothing (RFC 6570 section 3.2.1). A text holding a runtime expression
 * ({@code ${ }}) is not a template and is returned as it is. Operators of levels 2-4
 * ({@code {+x}}, {@code {?x}}, ...) are not expanded.
 */
public final class UriTemplate {
  private UriTemplate() {}

  /** The template with its level-1 expressions replaced by values of {@code variables}. */
  public static String expand(String template, JsonNode variables) {
    if (template.contains("${") || template.indexOf('{') < 0) {
      return template;
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      int close = open < 0 ? -1 : template.indexOf('}', open);
      String name = close < 0 ? "" : template.substring(open + 1, close);
      if (close < 0 || !name.matches("[A-Za-z0-9_.%]+")) {
        out.append(template, i, close < 0 ? template.length() : close + 1);
        i = close < 0 ? template.length() : close + 1;
        continue;
      }
      out.append(template, i, open).append(encode(value(variables, name)));
      i = close + 1;
    }
    return out.toString();
  }

  private static String value(JsonNode variables, String name) {
    JsonNode v = variables == null ? null : variables.get(name);
    if (v == null || v.isNull() || v.isMissingNode()) {
      return "";
    }
    return v.isValueNode() ? v.asText() : v.toString();
  }

  /** Percent-encodes the UTF-8 bytes of all but RFC 3986 unreserved characters (ALPHA / DIGIT / "-" / "." / "_" / "~"). */
  static String encode(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().forEach(cp -> {
      if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || cp == '-' || cp == '.' || cp == '_' || cp == '~') {
        b.append((char) cp);
      } else {
        for (int x : utf8(cp)) {
          b.append('%').append(HEX.charAt(x >> 4)).append(HEX.charAt(x & 15));
        }
      }
    });
    return b.toString();
  }

  private static final String HEX = "0123456789ABCDEF";

  /** The UTF-8 bytes of one code point (java.nio's encoder is kept out of this pure module). */
  private static int[] utf8(int cp) {
    if (cp < 0x80) {
      return new int[] {cp};
    }
    if (cp < 0x800) {
      return new int[] {0xC0 | cp >> 6, 0x80 | cp & 0x3F};
    }
    if (cp < 0x10000) {
      return new int[] {0xE0 | cp >> 12, 0x80 | cp >> 6 & 0x3F, 0x80 | cp & 0x3F};
    }
    return new int[] {0xF0 | cp >> 18, 0x80 | cp >> 12 & 0x3F, 0x80 | cp >> 6 & 0x3F, 0x80 | cp & 0x3F};
  }
}
