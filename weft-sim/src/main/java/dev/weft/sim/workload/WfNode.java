package dev.weft.sim.workload;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A value of a WfFormat file with its JSON pointer, and typed access to its fields. Every
 * accessor that finds a value of the wrong kind, or no value where one is required, throws a
 * {@link WorkloadException} naming the pointer of the field.
 */
record WfNode(WfJson source, JsonNode value, String pointer) {
  /** The field {@code name} of this object, which must be an object. */
  WfNode object(String name) {
    WfNode n = required(name);
    if (!n.value.isObject()) {
      throw n.error("expected an object, got " + kind(n.value));
    }
    return n;
  }

  /** The field {@code name} when present (and not null): an object. */
  Optional<WfNode> optionalObject(String name) {
    return optional(name).map(n -> {
      if (!n.value.isObject()) {
        throw n.error("expected an object, got " + kind(n.value));
      }
      return n;
    });
  }

  /** The elements of array field {@code name}, which must be present. */
  List<WfNode> array(String name) {
    return required(name).elements();
  }

  /** The elements of array field {@code name}, empty when it is absent. */
  List<WfNode> optionalArray(String name) {
    return optional(name).map(WfNode::elements).orElse(List.of());
  }

  /** The non-empty string field {@code name}, which must be present. */
  String text(String name) {
    return required(name).asText();
  }

  /** The non-empty string field {@code name}, when present. */
  Optional<String> optionalText(String name) {
    return optional(name).map(WfNode::asText);
  }

  /** This value as a non-empty string. */
  String asText() {
    if (!value.isTextual() || value.textValue().isEmpty()) {
      throw error("expected a non-empty string, got " + kind(value));
    }
    return value.textValue();
  }

  /** The number field {@code name}, at least {@code min}, when present. */
  OptionalDouble optionalNumber(String name, double min) {
    Optional<WfNode> n = optional(name);
    return n.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(n.get().asNumber(min));
  }

  /** The number field {@code name}, at least {@code min}, which must be present. */
  double number(String name, double min) {
    return required(name).asNumber(min);
  }

  private double asNumber(double min) {
    if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
      throw error("expected a number, got " + kind(value));
    }
    if (value.doubleValue() < min) {
      throw error("expected a number of at least " + (min == Math.rint(min) ? Long.toString((long) min) : Double.toString(min)) + ", got " + value);
    }
    return value.doubleValue();
  }

  /** True when field {@code name} is present and not null. */
  boolean has(String name) {
    return optional(name).isPresent();
  }

  WorkloadException error(String message) {
    return source.error(pointer, message);
  }

  private WfNode required(String name) {
    return optional(name).orElseThrow(() -> source.error(child(name), "is missing"));
  }

  private Optional<WfNode> optional(String name) {
    JsonNode v = value.get(name);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(new WfNode(source, v, child(name)));
  }

  private List<WfNode> elements() {
    if (!value.isArray()) {
      throw error("expected an array, got " + kind(value));
    }
    List<WfNode> out = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      out.add(new WfNode(source, value.get(i), pointer + "/" + i));
    }
    return out;
  }

  private String child(String name) {
    return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
  }

  /** How a value reads in a message: its kind, and short scalars themselves. */
  static String kind(JsonNode v) {
    return switch (v.getNodeType()) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case NULL -> "null";
      case BOOLEAN -> v.toString();
      case NUMBER -> "the number " + v;
      case STRING -> v.textValue().isEmpty() ? "an empty string" : "the string " + v;
      default -> v.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }
}
