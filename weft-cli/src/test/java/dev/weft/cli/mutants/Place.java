package dev.weft.cli.mutants;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A task of a document: the list holding it, its index there, its name, its body and pointer.
 * The walkers below find tasks, task lists and expressions the way the DSL nests them.
 */
record Place(JsonNode list, String listPointer, int index, String name) {
  JsonNode holder() {
    return list.get(index);
  }

  JsonNode body() {
    return holder().get(name);
  }

  String pointer() {
    return listPointer + "/" + index + "/" + name;
  }

  static List<Place> tasks(JsonNode doc) {
    List<Place> out = new ArrayList<>();
    for (String list : taskLists(doc)) {
      JsonNode items = doc.at(list);
      for (int i = 0; i < items.size(); i++) {
        out.add(new Place(items, list, i, items.get(i).fieldNames().next()));
      }
    }
    return out;
  }

  static List<String> taskLists(JsonNode doc) {
    List<String> out = new ArrayList<>();
    lists(doc.get("do"), "/do", out);
    return out;
  }

  private static void lists(JsonNode items, String pointer, List<String> out) {
    if (items == null || !items.isArray()) {
      return;
    }
    out.add(pointer);
    for (int i = 0; i < items.size(); i++) {
      String name = items.get(i).fieldNames().next();
      JsonNode t = items.get(i).get(name);
      String at = pointer + "/" + i + "/" + name;
      lists(t.get("do"), at + "/do", out);
      lists(t.get("try"), at + "/try", out);
      lists(t.at("/catch/do").isMissingNode() ? null : t.at("/catch/do"), at + "/catch/do", out);
      lists(t.at("/fork/branches").isMissingNode() ? null : t.at("/fork/branches"), at + "/fork/branches", out);
    }
  }

  /** Pointers of every {@code ${ }} string and every bare {@code when}, {@code while} and {@code if}. */
  static void expressions(JsonNode node, String pointer, List<String> out) {
    if (node.isTextual() && (node.asText().startsWith("${") || pointer.matches(".*/(when|while|if)$"))) {
      out.add(pointer);
    } else if (node.isObject()) {
      node.fieldNames().forEachRemaining(k -> expressions(node.get(k), pointer + "/" + k, out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        expressions(node.get(i), pointer + "/" + i, out);
      }
    }
  }
}
