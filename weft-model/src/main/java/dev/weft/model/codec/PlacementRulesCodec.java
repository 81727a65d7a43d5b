package dev.weft.model.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.AffinityRule;
import dev.weft.model.LabelConstraint;
import dev.weft.model.LabelConstraint.Operator;
import dev.weft.model.TopologyLevel;
import dev.weft.model.Toleration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A task's placement rules: label {@code constraints} (as Kubernetes' node selector
 * requirements), taint {@code tolerations} and inter-task {@code affinity}.
 */
final class PlacementRulesCodec {
  private static final List<String> CONSTRAINT_FIELDS = List.of("key", "operator", "values");
  private static final List<String> TOLERATION_FIELDS = List.of("key", "value");
  private static final List<String> AFFINITY_FIELDS = List.of("kind", "matchLabels", "level", "required");
  private static final Choice<Operator> OPERATOR = Choice.of("operator", "In", Operator.IN,
      "NotIn", Operator.NOT_IN, "Exists", Operator.EXISTS, "DoesNotExist", Operator.NOT_EXISTS);
  private static final Choice<AffinityRule.Kind> KIND = Choice.of("affinity kind",
      "affinity", AffinityRule.Kind.AFFINITY, "antiAffinity", AffinityRule.Kind.ANTI_AFFINITY);
  private static final Choice<TopologyLevel> LEVEL = Choice.of("topology level", "region", TopologyLevel.REGION,
      "zone", TopologyLevel.ZONE, "rack", TopologyLevel.RACK, "node", TopologyLevel.NODE);

  private PlacementRulesCodec() {
  }

  static List<LabelConstraint> constraints(Located at) {
    List<LabelConstraint> out = new ArrayList<>();
    for (Located c : at.elements()) {
      if (c.expectObject(CONSTRAINT_FIELDS)) {
        String key = c.require("key").text();
        Operator operator = OPERATOR.read(c.require("operator"));
        List<String> values = c.field("values").textList();
        if (operator != null && checkValues(c, operator, values) && key != null) {
          out.add(new LabelConstraint(key, operator, values));
        }
      }
    }
    return out;
  }

  static List<Toleration> tolerations(Located at) {
    List<Toleration> out = new ArrayList<>();
    for (Located t : at.elements()) {
      if (t.expectObject(TOLERATION_FIELDS)) {
        String key = t.require("key").text();
        String value = t.field("value").text();
        if (key != null) {
          out.add(new Toleration(key, value));
        }
      }
    }
    return out;
  }

  static List<AffinityRule> affinity(Located at) {
    List<AffinityRule> out = new ArrayList<>();
    for (Located a : at.elements()) {
      if (a.expectObject(AFFINITY_FIELDS)) {
        AffinityRule.Kind kind = KIND.read(a.require("kind"));
        Map<String, String> matchLabels = a.field("matchLabels").textMap();
        TopologyLevel level = LEVEL.read(a.field("level"));
        Boolean required = a.field("required").bool();
        if (kind != null) {
          out.add(new AffinityRule(kind, matchLabels, level, Boolean.TRUE.equals(required)));
        }
      }
    }
    return out;
  }

  static ArrayNode writeConstraints(List<LabelConstraint> constraints) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (LabelConstraint c : constraints) {
      ObjectNode o = out.addObject().put("key", c.key()).put("operator", OPERATOR.wire(c.operator()));
      if (!c.values().isEmpty()) {
        o.set("values", Trees.textList(c.values()));
      }
    }
    return out;
  }

  static ArrayNode writeTolerations(List<Toleration> tolerations) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (Toleration t : tolerations) {
      ObjectNode o = out.addObject().put("key", t.key());
      if (t.value() != null) {
        o.put("value", t.value());
      }
    }
    return out;
  }

  static ArrayNode writeAffinity(List<AffinityRule> rules) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (AffinityRule r : rules) {
      ObjectNode o = out.addObject().put("kind", KIND.wire(r.kind()));
      o.set("matchLabels", Trees.textMap(r.matchLabels()));
      o.put("level", LEVEL.wire(r.level())).put("required", r.required());
    }
    return out;
  }

  /** In and NotIn need values; Exists and DoesNotExist take none. */
  private static boolean checkValues(Located c, Operator operator, List<String> values) {
    boolean needsValues = operator == Operator.IN || operator == Operator.NOT_IN;
    if (needsValues && values.isEmpty()) {
      c.problem("operator " + OPERATOR.wire(operator) + " needs at least one value in 'values'");
      return false;
    }
    if (!needsValues && c.field("values").isPresent()) {
      c.field("values").problem("operator " + OPERATOR.wire(operator) + " takes no values");
      return false;
    }
    return true;
  }
}
