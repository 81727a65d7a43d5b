package dev.weft.workflow.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The source line of every JSON pointer of a YAML or JSON text, from one streaming pass. A
 * pointer with no value of its own (a property reported as missing) takes the line of its
 * nearest ancestor that has one.
 */
final class LineIndex {
  private static final YAMLFactory YAML = new YAMLFactory();
  private final Map<String, Integer> lines = new HashMap<>();

  private LineIndex() {}

  static LineIndex of(String text) {
    LineIndex index = new LineIndex();
    try (JsonParser p = YAML.createParser(text)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        String at = p.getParsingContext().pathAsPointer().toString();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          at = p.getParsingContext().getParent() == null ? "" : p.getParsingContext().getParent().pathAsPointer().toString();
        }
        index.lines.putIfAbsent(at, p.currentTokenLocation().getLineNr());
      }
    } catch (IOException e) {
      // the lines read so far are kept; the reader reports the syntax error itself
    }
    return index;
  }

  /** The line of the pointer, or of its nearest ancestor; 0 when nothing is known. */
  int line(String pointer) {
    String at = pointer;
    while (true) {
      Integer line = lines.get(at);
      if (line != null) {
        return line;
      }
      if (at.isEmpty()) {
        return 0;
      }
      at = at.substring(0, at.lastIndexOf('/'));
    }
  }
}
