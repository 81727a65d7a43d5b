package dev.weft.sim.workload;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * One WfFormat file as a JSON tree, and the errors about it. A syntax error names the line and
 * column Jackson stopped at; an error about a value names its JSON pointer and the line where
 * that value (or, when it is missing, its enclosing object) starts, found by reading the file
 * again, which only happens on the way to an error.
 */
final class WfJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private final Path file;
  private final JsonNode root;

  private WfJson(Path file, JsonNode root) {
    this.file = file;
    this.root = root;
  }

  /** Reads the whole file; a file that is not one JSON object is a {@link WorkloadException}. */
  static WfJson read(Path file) {
    if (Files.isDirectory(file)) {
      throw new WorkloadException(file + ": is a directory, not a workload file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      JsonNode root = MAPPER.readTree(in);
      if (root == null || root.isMissingNode()) {
        throw new WorkloadException(file + ": empty file (expected a WfFormat JSON object)");
      }
      WfJson json = new WfJson(file, root);
      if (!root.isObject()) {
        throw json.error("", "expected a WfFormat JSON object, got " + WfNode.kind(root));
      }
      return json;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : at.getLineNr() + ":" + at.getColumnNr() + ": ";
      throw new WorkloadException(file + ":" + where + "invalid JSON: " + e.getOriginalMessage(), e);
    } catch (NoSuchFileException e) {
      throw new WorkloadException(file + ": no such file");
    } catch (IOException e) {
      throw new WorkloadException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  WfNode root() {
    return new WfNode(this, root, "");
  }

  /**
   * An error about the value at {@code pointer} ({@code ""} is the whole document), in the form
   * {@code file:line: /pointer: message}; without the line when the value cannot be found.
   */
  WorkloadException error(String pointer, String message) {
    String shown = pointer.isEmpty() ? "/" : pointer;
    int line = lineOf(pointer);
    String prefix = line > 0 ? file + ":" + line : file.toString();
    return new WorkloadException(prefix + ": " + shown + ": " + message);
  }

  /** The line where the value at {@code pointer} starts, or that of its closest enclosing value; 0 if unknown. */
  private int lineOf(String pointer) {
    for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
      int line = firstLineAt(p);
      if (line > 0 || p.isEmpty()) {
        return line;
      }
    }
  }

  private int firstLineAt(String pointer) {
    try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
      while (p.nextToken() != null) {
        if (p.getParsingContext().pathAsPointer().toString().equals(pointer)) {
          return p.currentTokenLocation().getLineNr();
        }
      }
      return 0;
    } catch (IOException e) {
      return 0;
    }
  }
}
