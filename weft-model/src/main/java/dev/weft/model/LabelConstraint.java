package dev.weft.model;

import java.util.List;
import java.util.Map;

/** A hard constraint on a node's labels, as Kubernetes' node selector requirements. */
public record LabelConstraint(String key, Operator operator, List<String> values) {
  public enum Operator { IN, NOT_IN, EXISTS, NOT_EXISTS }

  public LabelConstraint {
    values = values == null ? List.of() : List.copyOf(values);
  }

  public static LabelConstraint equalTo(String key, String value) {
    return new LabelConstraint(key, Operator.IN, List.of(value));
  }

  public boolean matches(Map<String, String> labels) {
    String v = labels.get(key);
    return switch (operator) {
      case IN -> v != null && values.contains(v);
      case NOT_IN -> v == null || !values.contains(v);
      case EXISTS -> v != null;
      case NOT_EXISTS -> v == null;
    };
  }

  @Override
  public String toString() {
    return switch (operator) {
      case IN -> key + " in " + values;
      case NOT_IN -> key + " not in " + values;
      case EXISTS -> key + " exists";
      case NOT_EXISTS -> key + " does not exist";
    };
  }
}
