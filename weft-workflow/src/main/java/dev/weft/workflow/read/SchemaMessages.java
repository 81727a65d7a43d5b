package dev.weft.workflow.read;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the raw output of a JSON Schema validator into problems a workflow author can read.
 * The DSL schema is built from {@code oneOf}s (a task is one of twelve kinds, a duration is an
 * object or a string...), and a failed {@code oneOf} reports every alternative. For each failed
 * {@code oneOf} this keeps only the alternative that got furthest into the document (the
 * deepest pointer, then the fewest messages); when no alternative goes deeper than the
 * {@code oneOf} itself, their messages are merged into one. An {@code unevaluatedProperties}
 * complaint is dropped when a more specific problem explains it.
 */
final class SchemaMessages {
  /** One validator message: where in the document, where in the schema, what kind, the text. */
  record Raw(String pointer, String schemaPath, String keyword, String text) {}

  private SchemaMessages() {}

  static List<Problem> reduce(List<Raw> raw) {
    List<Raw> left = new ArrayList<>(raw);
    for (String choice : choices(raw)) {
      List<Raw> summaries = left.stream().filter(r -> r.schemaPath().equals(choice)).toList();
      for (Raw summary : summaries) {
        left = pickBranch(left, choice, summary);
      }
    }
    List<Raw> kept = new ArrayList<>();
    for (Raw r : left) {
      boolean explained = r.keyword().equals("unevaluatedProperties")
          && left.stream().anyMatch(o -> o != r && !o.keyword().equals("unevaluatedProperties") && within(o.pointer(), r.pointer()));
      if (!explained) {
        kept.add(r);
      }
    }
    Set<Problem> problems = new LinkedHashSet<>();
    kept.stream().sorted(Comparator.comparing(Raw::pointer)).forEach(r -> problems.add(new Problem(r.pointer(), r.text())));
    return List.copyOf(problems);
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
  private static List<Raw> pickBranch(List<Raw> messages, String choice, Raw summary) {
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
    int summaryDepth = depth(summary.pointer());
    String at = summary.pointer();
    List<Raw> best = branches.values().stream()
        .min(Comparator.comparing((List<Raw> b) -> wrongKind(b, choice, at))
            .thenComparingInt(b -> -b.stream().mapToInt(r -> depth(r.pointer())).max().orElse(0))
            .thenComparingInt(List::size))
        .orElseThrow();
    int bestDepth = best.stream().mapToInt(r -> depth(r.pointer())).max().orElse(0);
    if (bestDepth <= summaryDepth && branches.size() > 1) {
      Set<String> alternatives = new LinkedHashSet<>();
      branches.values().forEach(b -> b.forEach(r -> alternatives.add(r.text())));
      out.add(new Raw(summary.pointer(), summary.schemaPath(), "oneOf",
          "matches none of the allowed forms: " + String.join(" | ", alternatives)));
    } else {
      out.addAll(best);
    }
    return out;
  }

  /**
   * An alternative of another kind: it misses its discriminating property at the place of the
   * choice itself ({@code required 'fork'} for a set task), or a constant does not match
   * ({@code call: http} against the grpc form). Only messages of this alternative proper count,
   * not of choices nested in it.
   */
  private static boolean wrongKind(List<Raw> branch, String choice, String at) {
    for (Raw r : branch) {
      String rest = r.schemaPath().substring(choice.length() + 1);
      boolean nested = rest.contains("/oneOf/") || rest.contains("/anyOf/");
      if (!nested && (r.keyword().equals("const") || r.keyword().equals("required") && r.pointer().equals(at))) {
        return true;
      }
    }
    return false;
  }

  private static boolean within(String inner, String outer) {
    return inner.equals(outer) || inner.startsWith(outer + "/");
  }

  private static int depth(String pointer) {
    return pointer.isEmpty() ? 0 : pointer.split("/").length - 1;
  }
}
