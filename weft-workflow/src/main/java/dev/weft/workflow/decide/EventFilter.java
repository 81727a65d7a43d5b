package dev.weft.workflow.decide;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.workflow.expr.ExpressionException;
import dev.weft.workflow.expr.Expressions;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One DSL event filter ({@code with} and {@code correlate}) tested against a CloudEvent.
 * A {@code with} value that is a runtime expression is evaluated on the event's attribute of
 * that name and must be truthy; another string must equal the attribute or match it as a whole
 * regular expression; an object is matched field by field; anything else must be equal. An
 * expression that fails on an event counts as no match (delivery must not fault an instance).
 */
final class EventFilter {
  private final JsonNode filter;
  private final Map<String, JsonNode> vars;

  EventFilter(JsonNode filter, Map<String, JsonNode> vars) {
    this.filter = filter;
    this.vars = vars;
  }

  /** Whether the event has the attributes of {@code with}; correlations are checked by {@link #correlationValues}. */
  boolean matchesAttributes(JsonNode event) {
    try {
      return matches(filter.path("with"), event);
    } catch (ExpressionException e) {
      return false;
    }
  }

  /** Each correlation name of this filter to the value its {@code from} extracts from the event (null when it fails). */
  Map<String, JsonNode> correlationValues(JsonNode event) {
    Map<String, JsonNode> values = new HashMap<>();
    filter.path("correlate").properties().forEach(e -> {
      JsonNode v;
      try {
        v = Expressions.evaluate(e.getValue().path("from").asText(), event, vars);
      } catch (ExpressionException ex) {
        v = null;
      }
      values.put(e.getKey(), v);
    });
    return values;
  }

  /** The {@code expect} of a correlation: a constant, or an expression on the listen task's input; null when absent. */
  JsonNode expected(String name, JsonNode taskInput) {
    JsonNode expect = filter.path("correlate").path(name).get("expect");
    if (expect == null || expect.isNull()) {
      return null;
    }
    if (expect.isTextual() && Expressions.isExpression(expect.asText())) {
      try {
        return Expressions.evaluate(expect.asText(), taskInput, vars);
      } catch (ExpressionException e) {
        return null;
      }
    }
    return expect;
  }

  private boolean matches(JsonNode wanted, JsonNode actual) {
    if (wanted.isMissingNode() || wanted.isNull()) {
      return true;
    }
    if (wanted.isObject()) {
      var fields = wanted.properties().iterator();
      while (fields.hasNext()) {
        var f = fields.next();
        JsonNode value = actual.path(f.getKey());
        if (f.getValue().isTextual() && Expressions.isExpression(f.getValue().asText())) {
          if (value.isMissingNode() || !Expressions.truthy(Expressions.evaluate(f.getValue().asText(), value, vars))) {
            return false;
          }
        } else if (value.isMissingNode() || !matches(f.getValue(), value)) {
          return false;
        }
      }
      return true;
    }
    if (wanted.isTextual() && actual.isTextual()) {
      return wanted.asText().equals(actual.asText()) || regexMatches(wanted.asText(), actual.asText());
    }
    return wanted.equals(actual);
  }

  private static boolean regexMatches(String regex, String text) {
    try {
      return Pattern.compile(regex).matcher(text).matches();
    } catch (PatternSyntaxException e) {
      return false;
    }
  }
}
