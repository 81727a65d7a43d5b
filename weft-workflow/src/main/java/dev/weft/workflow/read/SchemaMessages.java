package dev.weft.workflow.read;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the raw output of a JSON Schema validator into problems a workflow author can read.
 * The DSL schema is built from {@code oneOf}s (a task is one of twelve kinds, a duration is an
 * object or a string...), and a failed {@code oneOf} reports every alternative. For each failed
 * {@code oneOf} this sets aside the alternatives of another kind (missing their discriminating
 * property, or a constant that does not match) and keeps the one that got furthest into the
 * document (the deepest pointer, then the fewest messages); when several tie at the
 * {@code oneOf}'s own place their messages are merged into one, and when every alternative is
 * of another kind one message names the kinds expected and the properties not allowed. An
 * {@code unevaluatedProperties} complaint is dropped when a failed choice at the same place or
 * a problem deeper inside explains it.
 */
final class SchemaMessages {
  /** One validator message: where in the document, where in the schema, what kind, the text. */
  record Raw(String pointer, String schemaPath, String keyword, String text) {}

  private static final Pattern QUOTED = Pattern.compile("property '([^']*)'");

  private SchemaMessages() {}

  static List<Problem> reduce(List<Raw> raw) {
    List<Raw> left = new ArrayList<>(raw.stream().filter(r -> !consequenceOfChoice(r, raw)).toList());
    for (String choice : choices(raw)) {
      List<Raw> summaries = left.stream().filter(r -> r.schemaPath().equals(choice)).toList();
      for (Raw summary : summaries) {
        left = pickBranch(left, choice, summary, raw);
      }
    }
    List<Raw> kept = new ArrayList<>();
    for (Raw r : left) {
      boolean explained = r.keyword().equals("unevaluatedProperties")
          && left.stream().anyMatch(o -> !o.keyword().equals("unevaluatedProperties") && o.pointer().startsWith(r.pointer() + "/"));
      if (!explained) {
        kept.add(r);
      }
    }
    Set<Problem> problems = new LinkedHashSet<>();
    kept.stream().sorted(Comparator.comparing(Raw::pointer)).forEach(r -> problems.add(new Problem(r.pointer(), r.text())));
    return List.copyOf(problems);
  }

  /**
   * An {@code unevaluatedProperties} complaint next to a failed choice at the same place: the
   * properties only count as unevaluated because no alternative of the choice matched.
   */
  private static boolean consequenceOfChoice(Raw r, List<Raw> raw) {
    if (!r.keyword().equals("unevaluatedProperties")) {
      return false;
    }
    String base = r.schemaPath().substring(0, r.schemaPath().lastIndexOf('/') + 1);
    return raw.stream().anyMatch(o -> (o.keyword().equals("oneOf") || o.keyword().equals("anyOf"))
        && o.pointer().equals(r.pointer()) && o.schemaPath().startsWith(base));
  }

  /** Schema paths of every oneOf/anyOf that some message went through, shortest first. */
  private static List<String> choices(List<Raw> raw) {
    Set<String> out = new TreeSet<>(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
    for (Raw r : raw) {
      String[] seg = r.schemaPath().split("/");
      StringBuilder prefix = new StringBuilder();
      for (int i = 1; i < seg.length; i++) {
        prefix.append('/').append(seg[i]);
        if ((seg[i].equals("oneOf") || seg[i].equals("anyOf")) && i + 1 < seg.length) {
          out.add(prefix.toString());
        }
      }
    }
    return List.copyOf(out);
  }

  /** Resolves one failed choice: the schema's oneOf at {@code choice}, applied at {@code summary}'s place. */
  private static List<Raw> pickBranch(List<Raw> messages, String choice, Raw summary, List<Raw> raw) {
    Map<String, List<Raw>> branches = new LinkedHashMap<>();
    for (Raw r : messages) {
      if (r.schemaPath().startsWith(choice + "/") && within(r.pointer(), summary.pointer())) {
        String branch = r.schemaPath().substring(choice.length() + 1).split("/")[0];
        branches.computeIfAbsent(branch, b -> new ArrayList<>()).add(r);
      }
    }
    if (branches.isEmpty()) {
      return messages;
    }
    List<Raw> out = new ArrayList<>();
    for (Raw r : messages) {
      if (r != summary && !(r.schemaPath().startsWith(choice + "/") && within(r.pointer(), summary.pointer()))) {
        out.add(r);
      }
    }
    String at = summary.pointer();
    List<List<Raw>> sameKind = branches.values().stream().filter(b -> !wrongKind(b, choice, at)).toList();
    if (sameKind.isEmpty()) {
      out.add(new Raw(at, choice, "oneOf", noKind(branches.values(), at, raw)));
      return out;
    }
    List<Raw> best = sameKind.stream()
        .min(Comparator.comparingInt((List<Raw> b) -> -b.stream().mapToInt(r -> depth(r.pointer())).max().orElse(0))
            .thenComparingInt(List::size))
        .orElseThrow();
    int bestDepth = best.stream().mapToInt(r -> depth(r.pointer())).max().orElse(0);
    if (bestDepth <= depth(at) && sameKind.size() > 1) {
      Set<String> alternatives = new LinkedHashSet<>();
      sameKind.forEach(b -> b.forEach(r -> alternatives.add(r.text())));
      out.add(new Raw(at, choice, "oneOf", "matches none of the allowed forms: " + String.join(" | ", alternatives)));
    } else {
      out.addAll(best);
    }
    return out;
  }

  /**
   * An alternative of another kind: it misses its discriminating property at the place of the
   * choice itself ({@code required 'fork'} for a set task), or a constant does not match
   * ({@code call: http} against the grpc form), or every alternative of a choice nested in it is
   * of another kind.
   */
  private static boolean wrongKind(List<Raw> branch, String choice, String at) {
    Map<String, Map<String, List<Raw>>> nested = new LinkedHashMap<>();
    for (Raw r : branch) {
      String rest = r.schemaPath().substring(choice.length() + 1);
      int k = nextChoice(rest);
      if (k < 0) {
        if (r.keyword().equals("const") || r.keyword().equals("required") && r.pointer().equals(at)
            || rest.matches("\\d+/else(/.*)?") && r.pointer().equals(at)) { // a kind's guard (TaskDispatchPatch)
          return true;
        }
        continue;
      }
      String inner = choice + "/" + rest.substring(0, k + 6);
      String innerBranch = r.schemaPath().substring(inner.length() + 1).split("/")[0];
      nested.computeIfAbsent(inner, c -> new LinkedHashMap<>()).computeIfAbsent(innerBranch, b -> new ArrayList<>()).add(r);
    }
    for (Map.Entry<String, Map<String, List<Raw>>> inner : nested.entrySet()) {
      if (inner.getValue().values().stream().allMatch(b -> wrongKind(b, inner.getKey(), at))) {
        return true;
      }
    }
    return false;
  }

  /** Index of the first "/oneOf/" or "/anyOf/" in a schema path, or -1. */
  private static int nextChoice(String path) {
    int one = path.indexOf("/oneOf/");
    int any = path.indexOf("/anyOf/");
    return one < 0 ? any : any < 0 ? one : Math.min(one, any);
  }

  /** None of the alternatives is of this kind (an unknown task, say): name the kinds expected and what was found. */
  private static String noKind(java.util.Collection<List<Raw>> branches, String at, List<Raw> raw) {
    Set<String> expected = new LinkedHashSet<>();
    Set<String> unexpected = new LinkedHashSet<>();
    for (Raw r : raw) { // the choice's own unevaluatedProperties (a guarded kind is not looked into)
      Matcher m = QUOTED.matcher(r.text());
      if (r.pointer().equals(at) && r.keyword().equals("unevaluatedProperties") && m.find()) {
        unexpected.add(m.group(1));
      }
    }
    for (List<Raw> b : branches) {
      for (Raw r : b) {
        Matcher m = QUOTED.matcher(r.text());
        if (r.pointer().equals(at) && m.find()) {
          (r.keyword().equals("required") ? expected : r.keyword().equals("unevaluatedProperties") ? unexpected : new LinkedHashSet<String>())
              .add(m.group(1));
        }
      }
    }
    unexpected.removeAll(expected);
    if (expected.contains("call")) {
      expected.remove("with"); // a call's companion, not a kind of its own
    }
    if (expected.contains("try")) {
      expected.remove("catch");
    }
    String text = "is none of the allowed kinds";
    if (!expected.isEmpty()) {
      text += " (they need one of: " + String.join(", ", expected) + ")";
    }
    return unexpected.isEmpty() ? text : text + "; not allowed here: " + String.join(", ", unexpected);
  }

  private static boolean within(String inner, String outer) {
    return inner.equals(outer) || inner.startsWith(outer + "/");
  }

  private static int depth(String pointer) {
    return pointer.isEmpty() ? 0 : pointer.split("/").length - 1;
  }
}
