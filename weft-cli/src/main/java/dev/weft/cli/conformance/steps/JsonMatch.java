package dev.weft.cli.conformance.steps;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** How the CTK's expected values are compared: numbers by value (1 equals 1.0), the rest exactly. */
final class JsonMatch {
  private JsonMatch() {}

  static boolean same(JsonNode actual, JsonNode expected) {
    if (actual == null) {
      return false;
    }
    return actual.equals((x, y) -> x.isNumber() && y.isNumber()
        ? x.decimalValue().compareTo(y.decimalValue()) : x.equals(y) ? 0 : 1, expected);
  }

  /** Whether every top-level property of {@code expected} is in {@code actual} with the same value. */
  static boolean contains(JsonNode actual, JsonNode expected) {
    if (actual == null || !expected.isObject()) {
      return actual != null && same(actual, expected);
    }
    for (Map.Entry<String, JsonNode> f : expected.properties()) {
      if (!same(actual.path(f.getKey()), f.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** The value at a dotted path ({@code content.id}), or a missing node. */
  static JsonNode at(JsonNode node, String dotted) {
    JsonNode n = node;
    for (String part : dotted.split("\\.")) {
      n = n == null ? null : n.path(part);
    }
    return n == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : n;
  }
}
