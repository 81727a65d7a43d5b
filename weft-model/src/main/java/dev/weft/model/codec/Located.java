package dev.weft.model.codec;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A value of a {@link Document} together with its place. Typed reads never throw on bad input:
 * they record a problem at this place and return {@code null} (or an empty collection), so a
 * codec reads on and reports every mistake of the document. Absent and {@code null} values read
 * as {@code null} without a problem; {@link #require} is for the fields that must be there.
 */
final class Located {
  private final JsonNode node;
  private final JsonPointer pointer;
  private final Document document;

  Located(JsonNode node, JsonPointer pointer, Document document) {
    this.node = node;
    this.pointer = pointer;
    this.document = document;
  }

  JsonNode node() {
    return node;
  }

  String pointer() {
    return pointer.toString();
  }

  int line() {
    return document.lineOf(pointer);
  }

  boolean isPresent() {
    return !node.isMissingNode() && !node.isNull();
  }

  Located field(String name) {
    return new Located(node.path(name), pointer.appendProperty(name), document);
  }

  void problem(String message) {
    document.problems().add(pointer(), line(), message);
  }

  /** Records "expected {@code what}, got ..." here. */
  void typeProblem(String what) {
    problem("expected " + what + ", got " + Shown.node(node));
  }

  /** True for an object; reports each field not in {@code known}, with a suggestion. */
  boolean expectObject(List<String> known) {
    if (!node.isObject()) {
      typeProblem("an object");
      return false;
    }
    node.fieldNames().forEachRemaining(name -> {
      if (!known.contains(name)) {
        field(name).problem("unknown field '" + name + "'" + ClosestName.hint(name, known));
      }
    });
    return true;
  }

  /** The field, after reporting it here when it is absent or null. */
  Located require(String name) {
    Located field = field(name);
    if (node.isObject() && !field.isPresent()) {
      problem("missing required field '" + name + "'");
    }
    return field;
  }

  /** The fields of an object in document order; empty (and reported) when this is not one. */
  Map<String, Located> fields() {
    Map<String, Located> out = new LinkedHashMap<>();
    if (!isPresent()) {
      return out;
    }
    if (!node.isObject()) {
      typeProblem("an object");
      return out;
    }
    node.fieldNames().forEachRemaining(name -> out.put(name, field(name)));
    return out;
  }

  /** The elements of a list; empty (and reported) when this is not one. */
  List<Located> elements() {
    List<Located> out = new ArrayList<>();
    if (!isPresent()) {
      return out;
    }
    if (!node.isArray()) {
      typeProblem("a list");
      return out;
    }
    for (int i = 0; i < node.size(); i++) {
      out.add(new Located(node.get(i), pointer.appendIndex(i), document));
    }
    return out;
  }

  /** Any scalar as text (YAML reads {@code 42} and {@code true} as non-strings). */
  String text() {
    if (!isPresent()) {
      return null;
    }
    if (node.isContainerNode()) {
      typeProblem("a string");
      return null;
    }
    String raw = document.rawText(pointer);
    return raw != null ? raw : node.asText();
  }

  /** A number or string handed to {@code parser}, whose exception message becomes the problem. */
  <T> T scalar(String expected, Function<String, T> parser) {
    if (!isPresent()) {
      return null;
    }
    if (!node.isTextual() && !node.isNumber()) {
      typeProblem(expected);
      return null;
    }
    try {
      return parser.apply(node.isNumber() ? Shown.number(node.decimalValue()) : node.textValue());
    } catch (IllegalArgumentException e) {
      problem(e.getMessage());
      return null;
    }
  }

  /** A whole number in {@code [min, max]}. */
  Long integer(long min, long max) {
    if (!isPresent()) {
      return null;
    }
    if (!node.isNumber() || node.decimalValue().stripTrailingZeros().scale() > 0) {
      typeProblem("a whole number");
      return null;
    }
    BigDecimal value = node.decimalValue();
    boolean fits = value.precision() - value.scale() <= 19
        && value.compareTo(BigDecimal.valueOf(min)) >= 0 && value.compareTo(BigDecimal.valueOf(max)) <= 0;
    if (!fits) {
      problem((max == Long.MAX_VALUE ? "must be at least " + min : "must be between " + min + " and " + max)
          + ", got " + Shown.node(node));
      return null;
    }
    return value.longValueExact();
  }

  /** Any number. */
  BigDecimal decimal() {
    if (!isPresent()) {
      return null;
    }
    if (!node.isNumber()) {
      typeProblem("a number");
      return null;
    }
    return node.decimalValue();
  }

  Boolean bool() {
    if (!isPresent()) {
      return null;
    }
    if (!node.isBoolean()) {
      typeProblem("true or false");
      return null;
    }
    return node.booleanValue();
  }

  /** An object of scalars, as text. */
  Map<String, String> textMap() {
    Map<String, String> out = new LinkedHashMap<>();
    fields().forEach((name, value) -> {
      String text = value.text();
      if (text != null) {
        out.put(name, text);
      }
    });
    return out;
  }

  /** A list of scalars, as text. */
  List<String> textList() {
    List<String> out = new ArrayList<>();
    for (Located element : elements()) {
      String text = element.text();
      if (text != null) {
        out.add(text);
      }
    }
    return out;
  }
}
