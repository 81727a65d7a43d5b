package dev.weft.model.codec;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One parsed spec document: its tree, the line where each value starts (Jackson's trees keep no
 * locations), the text of each number and boolean as written, and the problems found so far. {@code readable} is false after a syntax error; the
 * tree is then incomplete and should not be validated.
 */
final class Document {
  private final JsonNode tree;
  private final Map<String, Integer> lines;
  private final Map<String, String> rawTexts;
  private final Problems problems;
  private final boolean readable;

  Document(JsonNode tree, Map<String, Integer> lines, Map<String, String> rawTexts, Problems problems,
      boolean readable) {
    this.tree = tree;
    this.lines = Map.copyOf(lines);
    this.rawTexts = Map.copyOf(rawTexts);
    this.problems = problems;
    this.readable = readable;
  }

  Located root() {
    return new Located(tree, JsonPointer.empty(), this);
  }

  boolean readable() {
    return readable;
  }

  Problems problems() {
    return problems;
  }

  /** How the number or boolean at {@code pointer} was written ({@code 007}, {@code yes}); else null. */
  String rawText(JsonPointer pointer) {
    return rawTexts.get(pointer.toString());
  }

  /** The line of the value at {@code pointer}, else of its nearest enclosing value; 0 if none. */
  int lineOf(JsonPointer pointer) {
    for (JsonPointer p = pointer; p != null; p = p.head()) {
      Integer line = lines.get(p.toString());
      if (line != null) {
        return line;
      }
    }
    return 0;
  }
}
