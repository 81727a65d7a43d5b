package dev.weft.workflow.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.workflow.expr.Expressions;
import dev.weft.workflow.plan.ScriptLanguage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the schema cannot express: duplicate task names within one task list, {@code then}
 * targets that name no task of the same list, jq expressions that do not compile, and
 * {@code run.script} languages Weft has no interpreter for.
 */
final class SemanticCheck {
  private static final Set<String> DIRECTIVES = Set.of("continue", "exit", "end");
  private final List<Problem> problems = new ArrayList<>();

  private SemanticCheck() {}

  static List<Problem> check(JsonNode document) {
    SemanticCheck c = new SemanticCheck();
    c.expressions(document, "");
    c.dataFilters(document, "");
    c.taskList(document.get("do"), "/do");
    return c.problems;
  }

  /** Every string written as {@code ${...}}, anywhere in the document, must compile. */
  private void expressions(JsonNode node, String pointer) {
    if (node.isTextual() && Expressions.isExpression(node.asText())) {
      compiles(node.asText(), pointer);
    } else if (node.isObject()) {
      node.fields().forEachRemaining(e -> expressions(e.getValue(), pointer + "/" + escape(e.getKey())));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        expressions(node.get(i), pointer + "/" + i);
      }
    }
  }

  private void compiles(String text, String pointer) {
    Expressions.compileError(text).ifPresent(e -> problems.add(new Problem(pointer, "jq expression does not compile: " + e)));
  }

  /** A field that is always an expression, braces or not. */
  private void bareExpression(JsonNode owner, String field, String pointer) {
    JsonNode v = owner == null ? null : owner.get(field);
    if (v != null && v.isTextual() && !Expressions.isExpression(v.asText())) {
      compiles(v.asText(), pointer + "/" + field);
    }
  }

  /** {@code input.from}, {@code output.as} and {@code export.as} are expressions when they are strings. */
  private void dataFilters(JsonNode owner, String at) {
    bareExpression(owner.get("input"), "from", at + "/input");
    bareExpression(owner.get("output"), "as", at + "/output");
    bareExpression(owner.get("export"), "as", at + "/export");
  }

  private void taskList(JsonNode list, String pointer) {
    if (list == null || !list.isArray()) {
      return;
    }
    Set<String> names = new HashSet<>();
    List<String> all = new ArrayList<>();
    for (JsonNode item : list) {
      item.fieldNames().forEachRemaining(all::add);
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      if (!item.isObject() || item.size() != 1) {
        continue;
      }
      Map.Entry<String, JsonNode> entry = item.fields().next();
      String at = pointer + "/" + i;
      if (!names.add(entry.getKey())) {
        problems.add(new Problem(at, "duplicate task name '" + entry.getKey() + "' in this task list"));
      }
      task(entry.getValue(), at + "/" + escape(entry.getKey()), all);
    }
    endlessLoop(list, pointer, all);
  }

  /**
   * A cycle of {@code then} jumps through tasks that can neither stop nor wait (no {@code if},
   * {@code switch}, {@code raise}, {@code then: end} or side effect anywhere inside) runs
   * forever. Reported once, at the task of the cycle that comes first in the list.
   */
  private void endlessLoop(JsonNode list, String pointer, List<String> names) {
    if (names.size() != list.size()) {
      return;
    }
    Set<Integer> reported = new HashSet<>();
    for (int start = 0; start < list.size(); start++) {
      List<Integer> path = new ArrayList<>();
      int i = start;
      while (i >= 0 && i < list.size() && !path.contains(i) && closed(list.get(i).elements().next())) {
        path.add(i);
        JsonNode then = list.get(i).elements().next().get("then");
        i = then == null || then.asText().equals("continue") ? i + 1 : names.indexOf(then.asText());
      }
      if (path.contains(i) && reported.add(i)) {
        List<Integer> cycle = path.subList(path.indexOf(i), path.size());
        int first = cycle.stream().min(Integer::compare).orElseThrow();
        List<String> loop = new ArrayList<>(cycle.stream().map(names::get).toList());
        loop.add(names.get(i));
        problems.add(new Problem(pointer + "/" + first, "these tasks loop forever (no if, switch, raise, end or side effect): "
            + String.join(" -> ", loop)));
        reported.addAll(cycle);
      }
    }
  }

  /** A task that always goes on to its successor without waiting for anything. */
  private static boolean closed(JsonNode task) {
    if (!task.isObject() || task.has("if") || task.has("switch")) {
      return false;
    }
    JsonNode then = task.get("then");
    if (then != null && (!then.isTextual() || then.asText().equals("end") || then.asText().equals("exit")
        || Expressions.isExpression(then.asText()))) {
      return false;
    }
    return !mayStopOrWait(task);
  }

  private static boolean mayStopOrWait(JsonNode node) {
    if (node.isObject()) {
      for (String k : List.of("raise", "call", "run", "wait", "emit", "listen", "switch", "if")) {
        if (node.has(k)) {
          return true;
        }
      }
      JsonNode then = node.get("then");
      if (then != null && then.isTextual() && then.asText().equals("end")) {
        return true;
      }
    }
    for (JsonNode child : node) {
      if (mayStopOrWait(child)) {
        return true;
      }
    }
    return false;
  }

  private void task(JsonNode task, String at, List<String> siblings) {
    if (!task.isObject()) {
      return;
    }
    thenTarget(task.get("then"), at + "/then", siblings);
    bareExpression(task, "if", at);
    dataFilters(task, at);
    taskList(task.get("do"), at + "/do");
    if (task.has("for")) {
      bareExpression(task.get("for"), "in", at + "/for");
      bareExpression(task, "while", at);
    }
    if (task.has("switch") && task.get("switch").isArray()) {
      JsonNode cases = task.get("switch");
      for (int i = 0; i < cases.size(); i++) {
        int index = i;
        cases.get(i).fields().forEachRemaining(e -> {
          String cp = at + "/switch/" + index + "/" + escape(e.getKey());
          thenTarget(e.getValue().get("then"), cp + "/then", siblings);
          bareExpression(e.getValue(), "when", cp);
        });
      }
    }
    if (task.has("try")) {
      taskList(task.get("try"), at + "/try");
      JsonNode c = task.get("catch");
      if (c != null) {
        bareExpression(c, "when", at + "/catch");
        bareExpression(c, "exceptWhen", at + "/catch");
        if (c.get("retry") != null && c.get("retry").isObject()) {
          bareExpression(c.get("retry"), "when", at + "/catch/retry");
          bareExpression(c.get("retry"), "exceptWhen", at + "/catch/retry");
        }
        taskList(c.get("do"), at + "/catch/do");
      }
    }
    JsonNode language = task.at("/run/script/language");
    if (language.isTextual() && ScriptLanguage.of(language.asText()).isEmpty()) {
      problems.add(new Problem(at + "/run/script/language", "Weft runs scripts in " + ScriptLanguage.NAMES
          + ", not '" + language.asText() + "'"));
    }
    JsonNode fork = task.get("fork");
    if (fork != null && fork.get("branches") != null) {
      taskList(fork.get("branches"), at + "/fork/branches");
    }
  }

  private void thenTarget(JsonNode then, String pointer, List<String> siblings) {
    if (then != null && then.isTextual() && !DIRECTIVES.contains(then.asText()) && !Expressions.isExpression(then.asText())
        && !siblings.contains(then.asText())) {
      problems.add(new Problem(pointer, "'then' names no task of this task list: '" + then.asText() + "'"));
    }
  }

  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
