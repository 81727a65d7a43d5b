package dev.weft.cli.client;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.weft.cli.UsageException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The documents of a file for {@code weft apply}: one JSON document, or any number of YAML documents split by {@code ---}. */
final class Documents {
  static final YAMLMapper YAML = new YAMLMapper();

  /** One document and the line it starts on. */
  record Doc(JsonNode tree, int line) {}

  private Documents() {}

  static List<Doc> read(String text, String source) {
    List<String> lines = text.lines().toList();
    List<Doc> out = new ArrayList<>();
    try (JsonParser p = YAML.getFactory().createParser(text);
         MappingIterator<JsonNode> it = YAML.readValues(p, JsonNode.class)) {
      while (it.hasNextValue()) {
        JsonLocation at = p.currentTokenLocation();
        JsonNode n = it.nextValue();
        if (n != null && !n.isNull() && !(n.isTextual() && n.asText().isBlank())) {
          out.add(new Doc(n, firstContentLine(lines, Math.max(1, at.getLineNr()))));
        }
      }
    } catch (JsonProcessingException e) {
      throw new UsageException(source + ":" + e.getLocation().getLineNr() + ": not YAML or JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UsageException(source + ": cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    if (out.isEmpty()) {
      throw new UsageException(source + ": holds no document");
    }
    List<Integer> starts = starts(lines);
    if (starts.size() == out.size()) {
      List<Doc> placed = new ArrayList<>();
      for (int i = 0; i < out.size(); i++) {
        placed.add(new Doc(out.get(i).tree(), starts.get(i)));
      }
      return placed;
    }
    return out;
  }

  /** The first content line (1-based) of each part between {@code ---} markers that has content. */
  private static List<Integer> starts(List<String> lines) {
    List<Integer> starts = new ArrayList<>();
    boolean looking = true;
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i).strip();
      if (l.equals("---") || l.startsWith("--- ")) {
        looking = true;
      } else if (looking && !l.isEmpty() && !l.startsWith("#")) {
        starts.add(i + 1);
        looking = false;
      }
    }
    return starts;
  }

  /** From {@code line} (1-based) on, the first line that is not a {@code ---} marker, blank or a comment. */
  private static int firstContentLine(List<String> lines, int line) {
    int i = line;
    while (i <= lines.size()) {
      String l = lines.get(i - 1).strip();
      if (!(l.isEmpty() || l.startsWith("#") || l.equals("---"))) {
        return i;
      }
      i++;
    }
    return line;
  }

  /**
   * The documents' own texts (so a workflow is stored as written), or null when splitting the file
   * on {@code ---} lines does not give exactly {@code count} non-blank parts.
   */
  static List<String> texts(String text, int count) {
    List<String> parts = new ArrayList<>();
    for (String part : text.split("(?m)^---[ \\t]*$")) {
      if (!part.strip().isEmpty() && !part.lines().allMatch(l -> l.isBlank() || l.stripLeading().startsWith("#"))) {
        parts.add(part.startsWith("\n") ? part.substring(1) : part);
      }
    }
    return parts.size() == count ? parts : null;
  }
}
