package dev.weft.workflow.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.workflow.expr.Expressions;
import dev.weft.workflow.plan.FunctionRef;
import dev.weft.workflow.schedule.CronText;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks of what a document uses: durations Weft can read (ISO 8601 with days, hours, minutes,
 * seconds), names of {@code use.errors}, {@code use.retries} and {@code use.timeouts} that exist,
 * {@code $secrets} only as declared in {@code use.secrets}, cron expressions that parse, and calls
 * of custom functions by name or as {@code NAME:VERSION@CATALOG} with a catalog that is the
 * runtime's own ({@code default}, which a document cannot redefine) or declared in {@code use.catalogs}.
 */
final class UsageCheck {
  private static final Pattern SECRET = Pattern.compile("\\$secrets(?:\\s*\\.\\s*([A-Za-z_][A-Za-z0-9_]*)|\\s*\\[\\s*\"([^\"]*)\"\\s*])?");
  /** Fields that are expressions without {@code ${ }}. */
  private static final Pattern BARE = Pattern.compile("/(if|when|while|exceptWhen|input/from|output/as|export/as)$");
  private final JsonNode document;
  private final Set<String> secrets = new HashSet<>();
  private final List<Problem> problems = new ArrayList<>();

  private UsageCheck(JsonNode document) {
    this.document = document;
    document.at("/use/secrets").forEach(s -> secrets.add(s.asText()));
  }

  static List<Problem> check(JsonNode document) {
    UsageCheck c = new UsageCheck(document);
    c.timeout(document.get("timeout"), "/timeout");
    document.at("/use/timeouts").properties().forEach(e -> c.duration(e.getValue().get("after"), "/use/timeouts/" + esc(e.getKey()) + "/after"));
    document.at("/use/retries").properties().forEach(e -> c.retry(e.getValue(), "/use/retries/" + esc(e.getKey())));
    c.schedule(document.get("schedule"));
    if (document.at("/use/catalogs").has(FunctionRef.DEFAULT_CATALOG)) {
      c.problems.add(new Problem("/use/catalogs/" + FunctionRef.DEFAULT_CATALOG, "the catalog 'default' is Weft's own"
          + " (its service registry) and cannot be redefined; give this catalog another name"));
    }
    c.taskList(document.get("do"), "/do");
    c.secretUses(document, "");
    return c.problems;
  }

  private void taskList(JsonNode list, String pointer) {
    if (list == null || !list.isArray()) {
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      if (item.isObject() && item.size() == 1) {
        var e = item.properties().iterator().next();
        task(e.getValue(), pointer + "/" + i + "/" + esc(e.getKey()));
      }
    }
  }

  private void task(JsonNode t, String at) {
    if (!t.isObject()) {
      return;
    }
    timeout(t.get("timeout"), at + "/timeout");
    if (t.has("wait")) {
      duration(t.get("wait"), at + "/wait");
    }
    JsonNode error = t.at("/raise/error");
    if (error.isTextual()) {
      reference("errors", error.asText(), at + "/raise/error");
    }
    JsonNode call = t.get("call");
    if (call != null && call.isTextual() && !FunctionRef.PROTOCOLS.contains(call.asText())) {
      function(call.asText(), at + "/call");
    }
    JsonNode retry = t.at("/catch/retry");
    if (retry.isTextual()) {
      reference("retries", retry.asText(), at + "/catch/retry");
    } else if (retry.isObject()) {
      retry(retry, at + "/catch/retry");
    }
    taskList(t.get("do"), at + "/do");
    taskList(t.get("try"), at + "/try");
    taskList(t.at("/catch/do"), at + "/catch/do");
    taskList(t.at("/fork/branches"), at + "/fork/branches");
  }

  /** A custom function's name, or NAME:VERSION@CATALOG with the catalog the runtime's own or declared. */
  private void function(String call, String at) {
    FunctionRef ref;
    try {
      ref = FunctionRef.parse(call);
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(at, e.getMessage()));
      return;
    }
    if (ref.catalog() != null && !ref.catalog().equals(FunctionRef.DEFAULT_CATALOG)) {
      reference("catalogs", ref.catalog(), at);
    }
  }

  private void timeout(JsonNode timeout, String at) {
    if (timeout == null) {
      return;
    }
    if (timeout.isTextual()) {
      reference("timeouts", timeout.asText(), at);
    } else {
      duration(timeout.get("after"), at + "/after");
    }
  }

  private void retry(JsonNode retry, String at) {
    duration(retry.get("delay"), at + "/delay");
    duration(retry.at("/jitter/from"), at + "/jitter/from");
    duration(retry.at("/jitter/to"), at + "/jitter/to");
  }

  private void schedule(JsonNode schedule) {
    if (schedule == null || !schedule.isObject()) {
      return;
    }
    duration(schedule.get("every"), "/schedule/every");
    duration(schedule.get("after"), "/schedule/after");
    JsonNode cron = schedule.get("cron");
    if (cron != null && cron.isTextual()) {
      CronText.problem(cron.asText()).ifPresent(p -> problems.add(new Problem("/schedule/cron", p)));
    }
  }

  private void reference(String kind, String name, String at) {
    if (!document.at("/use/" + kind).has(name)) {
      problems.add(new Problem(at, "names no entry of use." + kind + ": '" + name + "'"));
    }
  }

  /** A duration must be a string Java's {@link Duration} reads, or an object (the schema checks its fields). */
  private void duration(JsonNode d, String at) {
    if (d == null || !d.isTextual()) {
      return;
    }
    if (Expressions.isExpression(d.asText())) {
      problems.add(new Problem(at, "a duration given as an expression is not supported; write it as PnDTnHnMnS or {seconds: n}"));
      return;
    }
    try {
      Duration.parse(d.asText());
    } catch (DateTimeParseException e) {
      problems.add(new Problem(at, "duration '" + d.asText() + "' is not supported: use days, hours, minutes and seconds (PnDTnHnMnS)"));
    }
  }

  /** Every {@code $secrets} in an expression needs {@code use.secrets}, and a named secret must be listed there. */
  private void secretUses(JsonNode node, String pointer) {
    if (node.isTextual() && node.asText().contains("$secrets") && (Expressions.isExpression(node.asText()) || BARE.matcher(pointer).find())) {
      Matcher m = SECRET.matcher(node.asText());
      while (m.find()) {
        String name = m.group(1) != null ? m.group(1) : m.group(2);
        if (secrets.isEmpty()) {
          problems.add(new Problem(pointer, "uses $secrets but the document declares no use.secrets"));
          return;
        }
        if (name != null && !secrets.contains(name)) {
          problems.add(new Problem(pointer, "uses secret '" + name + "', which use.secrets does not declare"));
        }
      }
    } else if (node.isContainerNode()) {
      if (node.isObject()) {
        node.properties().forEach(e -> secretUses(e.getValue(), pointer + "/" + esc(e.getKey())));
      } else {
        for (int i = 0; i < node.size(); i++) {
          secretUses(node.get(i), pointer + "/" + i);
        }
      }
    }
  }

  private static String esc(String key) {
    return SemanticCheck.escape(key);
  }
}
