package dev.weft.workflow.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/**
 * jq as the DSL uses it (jackson-jq, jq 1.6 dialect). A runtime expression is a string of the
 * form {@code ${ expr }}; fields that are always expressions ({@code if}, {@code while},
 * {@code when}, ...) may omit the braces. Evaluation is pure: the same input and variables give
 * the same result.
 */
public final class Expressions {
  private static final Scope ROOT = rootScope();
  /** Compiled queries by source; a decision replays the plan, so the same sources come back often. */
  private static final Map<String, JsonQuery> COMPILED = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, JsonQuery> eldest) {
      return size() > 4096;
    }
  });

  private Expressions() {}

  private static Scope rootScope() {
    Scope root = Scope.newEmptyScope();
    BuiltinFunctionLoader.getInstance().loadFunctions(Versions.JQ_1_6, root);
    return root;
  }

  /** True when the string is written as a runtime expression, {@code ${ ... }}. */
  public static boolean isExpression(String text) {
    String t = text.strip();
    return t.startsWith("${") && t.endsWith("}");
  }

  /** The jq source of an expression string: the inside of {@code ${ }} or the string itself. */
  public static String source(String text) {
    String t = text.strip();
    return isExpression(t) ? t.substring(2, t.length() - 1).strip() : t;
  }

  /** The compile error of the jq source, if any (for the validator). */
  public static Optional<String> compileError(String text) {
    try {
      JsonQuery.compile(source(text), Versions.JQ_1_6);
      return Optional.empty();
    } catch (JsonQueryException e) {
      return Optional.of(firstLine(e.getMessage()));
    } catch (RuntimeException e) {
      return Optional.of(firstLine(String.valueOf(e.getMessage())));
    }
  }

  /**
   * Evaluates the expression on the input with the given variables (names without {@code $}).
   * Returns the first output, or null when the expression yields nothing.
   *
   * @throws ExpressionException when the expression does not compile or fails on this input
   */
  public static JsonNode evaluate(String text, JsonNode input, Map<String, JsonNode> variables) {
    try {
      JsonQuery query = compiled(source(text));
      Scope scope = Scope.newChildScope(ROOT);
      variables.forEach(scope::setValue);
      List<JsonNode> out = new ArrayList<>(1);
      query.apply(scope, input == null ? JsonNodeFactory.instance.nullNode() : input, out::add);
      return out.isEmpty() ? JsonNodeFactory.instance.nullNode() : out.get(0);
    } catch (JsonQueryException e) {
      throw new ExpressionException(text, firstLine(e.getMessage()));
    } catch (RuntimeException e) {
      throw new ExpressionException(text, firstLine(String.valueOf(e.getMessage())));
    }
  }

  /**
   * Evaluates every runtime expression inside a value (strings of the form {@code ${...}} at
   * any depth); other strings and values are kept as they are.
   */
  public static JsonNode evaluateTemplate(JsonNode template, JsonNode input, Map<String, JsonNode> vars) {
    if (template == null) {
      return JsonNodeFactory.instance.nullNode();
    }
    if (template.isTextual() && isExpression(template.asText())) {
      return evaluate(template.asText(), input, vars);
    }
    if (template.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      template.fields().forEachRemaining(e -> out.set(e.getKey(), evaluateTemplate(e.getValue(), input, vars)));
      return out;
    }
    if (template.isArray()) {
      var out = JsonNodeFactory.instance.arrayNode();
      template.forEach(e -> out.add(evaluateTemplate(e, input, vars)));
      return out;
    }
    return template;
  }

  /**
   * Evaluates a data filter ({@code input.from}, {@code output.as}, {@code export.as}): a string
   * is always an expression, braces or not; an object is a template.
   */
  public static JsonNode evaluateFilter(JsonNode filter, JsonNode input, Map<String, JsonNode> vars) {
    return filter.isTextual() ? evaluate(filter.asText(), input, vars) : evaluateTemplate(filter, input, vars);
  }

  private static JsonQuery compiled(String source) throws JsonQueryException {
    JsonQuery query = COMPILED.get(source);
    if (query == null) {
      query = JsonQuery.compile(source, Versions.JQ_1_6);
      COMPILED.put(source, query);
    }
    return query;
  }

  /** jq truthiness: everything but false and null is true. */
  public static boolean truthy(JsonNode value) {
    return value != null && !value.isNull() && !(value.isBoolean() && !value.asBoolean());
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid jq expression";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
