package dev.weft.model.codec;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/** How a bad value is shown after "got" in a message: as the user wrote it, briefly. */
final class Shown {
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
  private static final int MAX_LENGTH = 40;

  private Shown() {
  }

  /** Text from a parser: numbers as they are, anything else quoted. */
  static String text(String text) {
    return NUMBER.matcher(text).matches() ? text : quoted(text);
  }

  static String node(JsonNode node) {
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isNumber()) {
      return number(node.decimalValue());
    }
    return node.isTextual() ? quoted(node.textValue()) : node.asText();
  }

  /** Plain digits unless that would be long ({@code 1E+400} stays so). */
  static String number(BigDecimal value) {
    return Math.abs(value.scale()) > 30 ? value.toString() : value.toPlainString();
  }

  private static String quoted(String text) {
    String cut = text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "..." : text;
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(cut)) + "\"";
  }
}
