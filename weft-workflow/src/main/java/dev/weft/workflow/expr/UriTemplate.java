package dev.weft.workflow.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

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

  /** Percent-encodes all but RFC 3986 unreserved characters (ALPHA / DIGIT / "-" / "." / "_" / "~"). */
  static String encode(String s) {
    StringBuilder b = new StringBuilder();
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return b.toString();
  }
}
