package dev.weft.workflow.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a DSL 1.0.x document (YAML or JSON; JSON is read as YAML) and validates it: first
 * against the DSL's JSON Schema, then the semantic checks of {@link SemanticCheck}. Pure: text
 * in, tree out.
 */
public final class WorkflowReader {
  private static final YAMLMapper YAML = new YAMLMapper();

  private WorkflowReader() {}

  /**
   * Returns the validated document tree.
   *
   * @throws WorkflowValidationException with every problem found, when the document is not a valid workflow
   */
  public static JsonNode read(String text) {
    JsonNode document;
    try {
      document = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      String where = line <= 0 ? "" : " at line " + line + ", column " + e.getLocation().getColumnNr();
      throw new WorkflowValidationException(List.of(new Problem("", Math.max(line, 0),
          "not a YAML or JSON document" + where + ": " + firstLine(e.getOriginalMessage()))));
    }
    try {
      validate(document);
    } catch (WorkflowValidationException e) {
      LineIndex lines = LineIndex.of(text);
      throw new WorkflowValidationException(e.problems().stream().map(p -> p.withLine(lines.line(p.pointer())))
          .sorted(java.util.Comparator.comparingInt(Problem::line).thenComparing(Problem::pointer)).toList());
    }
    return document;
  }

  /** The problems with the line of each pointer in {@code text} filled in (for problems found outside this reader). */
  public static List<Problem> withLines(String text, List<Problem> problems) {
    LineIndex lines = LineIndex.of(text);
    return problems.stream().map(p -> p.withLine(lines.line(p.pointer()))).toList();
  }

  private static String firstLine(String message) {
    String m = String.valueOf(message).strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** Validates a document tree; see {@link #read(String)}. */
  public static void validate(JsonNode document) {
    if (document == null || !document.isObject()) {
      throw new WorkflowValidationException(List.of(new Problem("", "a workflow document must be an object with 'document' and 'do'")));
    }
    List<Problem> usage = UsageCheck.check(document);
    java.util.Set<String> explained = new java.util.HashSet<>(usage.stream().map(Problem::pointer).toList());
    // a duration or reference problem says more than the schema's choice of forms at the same place
    List<Problem> problems = new ArrayList<>(SchemaCheck.check(document).stream().filter(p -> !explained.contains(p.pointer())).toList());
    problems.addAll(SemanticCheck.check(document));
    problems.addAll(usage);
    problems.addAll(AuthenticationCheck.check(document));
    if (!problems.isEmpty()) {
      throw new WorkflowValidationException(problems);
    }
  }
}
