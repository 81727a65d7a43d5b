package dev.weft.model.codec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Builds a {@link Document} in one streaming pass, so every value's line is known. Floats are
 * kept as exact decimals (a quantity like 0.1 must not become 0.1000000000000000055), and numbers
 * and booleans keep the text they were written as. Duplicate keys are reported and the last one
 * wins; content after the document (a second YAML document) is a problem too. A syntax error
 * ends the pass with one problem.
 */
final class DocumentReader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private final Map<String, Integer> lines = new HashMap<>();
  private final Map<String, String> rawTexts = new HashMap<>();
  private final Problems problems;

  private DocumentReader(Problems problems) {
    this.problems = problems;
  }

  static Document read(String text, String source, Format format) {
    DocumentReader reader = new DocumentReader(new Problems(source));
    try (JsonParser p = format.factory().createParser(text)) {
      return reader.document(p);
    } catch (JsonProcessingException e) {
      reader.syntaxProblem(e);
      return new Document(MissingNode.getInstance(), reader.lines, Map.of(), reader.problems, false);
    } catch (IOException e) {
      throw new UncheckedIOException("reading from a string failed", e);
    }
  }

  private Document document(JsonParser p) throws IOException {
    if (p.nextToken() == null) {
      problems.add("", 0, "the document is empty");
      return new Document(MissingNode.getInstance(), lines, Map.of(), problems, false);
    }
    JsonNode tree = value(p, JsonPointer.empty());
    if (p.nextToken() != null) {
      problems.add("", line(p.currentTokenLocation()), "unexpected content after the end of the document");
    }
    return new Document(tree, lines, rawTexts, problems, true);
  }

  private JsonNode value(JsonParser p, JsonPointer at) throws IOException {
    lines.putIfAbsent(at.toString(), line(p.currentTokenLocation()));
    return switch (p.currentToken()) {
      case START_OBJECT -> object(p, at);
      case START_ARRAY -> array(p, at);
      case VALUE_STRING -> NODES.textNode(p.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(p, at);
      case VALUE_TRUE, VALUE_FALSE -> {
        rawTexts.put(at.toString(), p.getText());
        yield NODES.booleanNode(p.currentToken() == JsonToken.VALUE_TRUE);
      }
      case VALUE_NULL -> NODES.nullNode();
      default -> NODES.textNode(p.getText());
    };
  }

  private ObjectNode object(JsonParser p, JsonPointer at) throws IOException {
    ObjectNode object = NODES.objectNode();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonPointer child = at.appendProperty(name);
      int line = line(p.currentTokenLocation());
      if (object.has(name)) {
        problems.add(child.toString(), line, "duplicate field '" + name + "' (the last one wins)");
      }
      lines.put(child.toString(), line);
      p.nextToken();
      object.set(name, value(p, child));
    }
    return object;
  }

  private ArrayNode array(JsonParser p, JsonPointer at) throws IOException {
    ArrayNode array = NODES.arrayNode();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      array.add(value(p, at.appendIndex(array.size())));
    }
    return array;
  }

  /**
   * Keeps the number's text as written too: a label {@code version: 1.10} or an id {@code 007} is
   * text to the user. YAML's {@code .inf} and {@code .nan} have no decimal form; they stay text.
   */
  private JsonNode number(JsonParser p, JsonPointer at) throws IOException {
    rawTexts.put(at.toString(), p.getText());
    try {
      return p.currentToken() == JsonToken.VALUE_NUMBER_INT
          ? NODES.numberNode(p.getBigIntegerValue()) : NODES.numberNode(p.getDecimalValue());
    } catch (NumberFormatException | JsonProcessingException e) {
      return NODES.textNode(p.getText());
    }
  }

  private void syntaxProblem(JsonProcessingException e) {
    String pointer = "";
    if (e instanceof StreamReadException read && read.getProcessor() != null) {
      pointer = read.getProcessor().getParsingContext().pathAsPointer().toString();
    }
    if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
      problems.add(pointer, yaml.getProblemMark().getLine() + 1, "syntax error: " + yamlMessage(yaml));
      return;
    }
    String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
    problems.add(pointer, line(e.getLocation()), "syntax error: " + firstLine(message));
  }

  /** SnakeYAML's problem, with where the construct it was parsing began (often a bad indent). */
  private static String yamlMessage(MarkedYAMLException e) {
    String problem = firstLine(e.getProblem());
    if (e.getContext() == null || e.getContextMark() == null) {
      return problem;
    }
    return problem + " (" + firstLine(e.getContext()) + " that starts at line " + (e.getContextMark().getLine() + 1) + ")";
  }

  private static String firstLine(String text) {
    return text == null ? "" : text.lines().findFirst().orElse("").strip();
  }

  private static int line(JsonLocation location) {
    return location == null ? 0 : Math.max(location.getLineNr(), 0);
  }
}
