package dev.weft.workflow.decide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.weft.workflow.decide.InstanceState.Received;
import dev.weft.workflow.expr.ExpressionException;
import dev.weft.workflow.expr.Expressions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A listen's event consumption strategy ({@code one}, {@code any}, {@code all}, {@code until})
 * over the events it has consumed so far: whether it takes one more event, and whether it is
 * complete. {@code one}: one matching event. {@code all}: one event per filter (an event fills
 * the first filter it matches that is still empty). {@code any}: without {@code until}, the first
 * event matching any filter (an empty list matches every event); with {@code until} as an
 * expression, events are taken until it holds, evaluated on the array of events read so far;
 * with {@code until} as a strategy, an event that strategy takes is consumed by it (checked
 * before {@code any}) and the listen ends when it is complete; those events are not in the output.
 * Correlations: every event must give each correlation the value of its {@code expect}, or, when
 * there is none, the value the first consumed event gave.
 */
final class ListenStrategy {
  enum Role { NONE, TO, UNTIL }

  private enum Mode { ONE, ANY, ALL }

  private final Mode mode;
  private final List<EventFilter> filters = new ArrayList<>();
  private final String untilExpr;
  private final ListenStrategy untilStrategy;
  private final String read;
  private final JsonNode input;
  private final Map<String, JsonNode> vars;

  ListenStrategy(JsonNode to, String read, JsonNode input, Map<String, JsonNode> vars) {
    this.read = read;
    this.input = input;
    this.vars = vars;
    if (to.has("one")) {
      mode = Mode.ONE;
      filters.add(new EventFilter(to.get("one"), vars));
    } else {
      mode = to.has("all") ? Mode.ALL : Mode.ANY;
      to.path(mode == Mode.ALL ? "all" : "any").forEach(f -> filters.add(new EventFilter(f, vars)));
    }
    JsonNode until = mode == Mode.ANY ? to.get("until") : null;
    untilExpr = until != null && until.isTextual() ? until.asText() : null;
    untilStrategy = until != null && until.isObject() ? new ListenStrategy(until, read, input, vars) : null;
  }

  /** Who takes the event: the strategy, its {@code until}, or nobody (also when already complete). */
  Role accept(JsonNode event, List<Received> got) {
    try {
      if (complete(got)) {
        return Role.NONE;
      }
    } catch (ExpressionException e) {
      return Role.NONE;
    }
    if (untilStrategy != null && untilStrategy.accept(event, asTaken(untilEvents(got))) == Role.TO) {
      return Role.UNTIL;
    }
    List<JsonNode> taken = taken(got);
    return switch (mode) {
      case ONE -> taken.isEmpty() && matches(0, event, got) ? Role.TO : Role.NONE;
      case ALL -> {
        boolean[] filled = filled(taken, got);
        for (int i = 0; i < filters.size(); i++) {
          if (!filled[i] && matches(i, event, got)) {
            yield Role.TO;
          }
        }
        yield Role.NONE;
      }
      case ANY -> filters.isEmpty() || anyMatches(event, got) ? Role.TO : Role.NONE;
    };
  }

  /**
   * Whether the listen has what it waits for.
   *
   * @throws ExpressionException when {@code until} fails to evaluate
   */
  boolean complete(List<Received> got) {
    List<JsonNode> taken = taken(got);
    return switch (mode) {
      case ONE -> !taken.isEmpty();
      case ALL -> {
        for (boolean f : filled(taken, got)) {
          if (!f) {
            yield false;
          }
        }
        yield true;
      }
      case ANY -> {
        if (untilExpr != null) {
          yield Expressions.truthy(Expressions.evaluate(untilExpr, output(got), vars));
        }
        if (untilStrategy != null) {
          yield untilStrategy.complete(asTaken(untilEvents(got)));
        }
        yield !taken.isEmpty();
      }
    };
  }

  /** The events the listen outputs (not those its {@code until} consumed), each read as {@code read} says. */
  ArrayNode output(List<Received> got) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    taken(got).forEach(e -> out.add(read(e, read)));
    return out;
  }

  /** {@code data}: the event's data; {@code envelope}: the whole event; {@code raw}: the data as text ({@code data_base64} when given). */
  static JsonNode read(JsonNode event, String mode) {
    return switch (mode) {
      case "envelope" -> event;
      case "raw" -> event.has("data_base64") ? event.get("data_base64")
          : event.path("data").isTextual() ? event.get("data") : TextNode.valueOf(event.path("data").toString());
      default -> event.has("data") ? event.get("data") : JsonNodeFactory.instance.nullNode();
    };
  }

  private boolean anyMatches(JsonNode event, List<Received> got) {
    for (int i = 0; i < filters.size(); i++) {
      if (matches(i, event, got)) {
        return true;
      }
    }
    return false;
  }

  private boolean[] filled(List<JsonNode> taken, List<Received> got) {
    boolean[] filled = new boolean[filters.size()];
    for (JsonNode e : taken) {
      for (int i = 0; i < filters.size(); i++) {
        if (!filled[i] && matches(i, e, got)) {
          filled[i] = true;
          break;
        }
      }
    }
    return filled;
  }

  private boolean matches(int i, JsonNode event, List<Received> got) {
    EventFilter f = filters.get(i);
    if (!f.matchesAttributes(event)) {
      return false;
    }
    for (var c : f.correlationValues(event).entrySet()) {
      if (c.getValue() == null || c.getValue().isNull()) {
        return false;
      }
      JsonNode expected = f.expected(c.getKey(), input);
      if (expected == null) {
        expected = firstValue(c.getKey(), got);
      }
      if (expected != null && !expected.equals(c.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** The value the first consumed event gave this correlation, or null. */
  private JsonNode firstValue(String name, List<Received> got) {
    for (Received r : got) {
      for (EventFilter f : filters) {
        JsonNode v = f.correlationValues(r.event()).get(name);
        if (v != null && !v.isNull()) {
          return v;
        }
      }
    }
    return null;
  }

  private static List<JsonNode> taken(List<Received> got) {
    return got.stream().filter(r -> !r.until()).map(Received::event).toList();
  }

  private static List<Received> untilEvents(List<Received> got) {
    return got.stream().filter(Received::until).toList();
  }

  private static List<Received> asTaken(List<Received> until) {
    return until.stream().map(r -> new Received(r.seq(), r.event(), false)).toList();
  }
}
