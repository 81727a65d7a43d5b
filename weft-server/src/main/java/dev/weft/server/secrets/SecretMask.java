package dev.weft.server.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Keeps secret values out of persisted JSON. {@link #redact} replaces every occurrence of a
 * secret's text inside any string with a token {@code ⟪secret:NAME⟫} (a literal {@code ⟪} is
 * written {@code ⟪⟪}, so no input can forge a token); {@link #reveal} puts the values back. The
 * round trip is lossless: {@code reveal(redact(x)).equals(x)}. Secret values are the text leaves
 * of the {@code $secrets} object (a secret that is an object contributes each of its strings);
 * numbers and booleans are not masked.
 */
public final class SecretMask {
  private static final String OPEN = "\u27EA";
  private static final String CLOSE = "\u27EB";
  private static final String TOKEN = OPEN + "secret:";

  private final Map<String, String> byName;

  private SecretMask(Map<String, String> byName) {
    this.byName = byName;
  }

  /** A mask for the given {@code $secrets} object. */
  public static SecretMask of(JsonNode secrets) {
    Map<String, String> values = new LinkedHashMap<>();
    collect(secrets, "", values);
    values.values().removeIf(String::isEmpty);
    return new SecretMask(values);
  }

  public static SecretMask none() {
    return new SecretMask(Map.of());
  }

  private static void collect(JsonNode node, String path, Map<String, String> out) {
    if (node == null) {
      return;
    }
    if (node.isTextual()) {
      out.put(path, node.asText());
    } else if (node.isObject()) {
      node.properties().forEach(e -> collect(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out));
    }
  }

  public JsonNode redact(JsonNode node) {
    return byName.isEmpty() && !mentions(node) ? node : map(node, this::redactText);
  }

  public JsonNode reveal(JsonNode node) {
    return mentions(node) ? map(node, this::revealText) : node;
  }

  /** Whether any text or field name in the tree holds the token mark (walked, not serialized: every decision asks). */
  private static boolean mentions(JsonNode node) {
    if (node == null) {
      return false;
    }
    if (node.isTextual()) {
      return node.textValue().contains(OPEN);
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (e.getKey().contains(OPEN) || mentions(e.getValue())) {
          return true;
        }
      }
      return false;
    }
    if (node.isArray()) {
      for (JsonNode n : node) {
        if (mentions(n)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The text with every secret value replaced by its token (lossless, as {@link #redact}). */
  public String redact(String text) {
    return text == null ? null : redactText(text);
  }

  /** The text with the tokens replaced by their values (as {@link #reveal}). */
  public String reveal(String text) {
    return text == null ? null : revealText(text);
  }

  /** The names of the tokens in {@code text} that this mask has no value for (a secret the source lacks). */
  public Set<String> unknownIn(String text) {
    Set<String> out = new TreeSet<>();
    int i = 0;
    while (text != null && i < text.length()) {
      if (text.startsWith(OPEN + OPEN, i)) {
        i += 2 * OPEN.length();
      } else if (text.startsWith(TOKEN, i) && text.indexOf(CLOSE, i) > 0) {
        int end = text.indexOf(CLOSE, i);
        String name = text.substring(i + TOKEN.length(), end);
        if (!byName.containsKey(name)) {
          out.add(name);
        }
        i = end + CLOSE.length();
      } else {
        i++;
      }
    }
    return out;
  }

  /**
   * The bytes with each secret value's UTF-8 form overwritten by as many {@code *}: one way, same
   * length (a log keeps its byte offsets). A value split across two calls is not found.
   */
  public byte[] hide(byte[] data) {
    byte[] out = data.clone();
    for (String v : byName.values()) {
      byte[] needle = v.getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i + needle.length <= out.length; i++) {
        if (Arrays.equals(out, i, i + needle.length, needle, 0, needle.length)) {
          Arrays.fill(out, i, i + needle.length, (byte) '*');
          i += needle.length - 1;
        }
      }
    }
    return out;
  }

  public boolean isEmpty() {
    return byName.isEmpty();
  }

  String redactText(String text) {
    String out = text.replace(OPEN, OPEN + OPEN);
    List<Map.Entry<String, String>> longestFirst = new ArrayList<>(byName.entrySet());
    longestFirst.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getValue().length()).reversed());
    for (Map.Entry<String, String> e : longestFirst) {
      out = out.replace(e.getValue().replace(OPEN, OPEN + OPEN), TOKEN + e.getKey() + CLOSE);
    }
    return out;
  }

  String revealText(String text) {
    if (!text.contains(OPEN)) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith(OPEN + OPEN, i)) {
        out.append(OPEN);
        i += 2 * OPEN.length();
      } else if (text.startsWith(TOKEN, i) && text.indexOf(CLOSE, i) > 0) {
        int end = text.indexOf(CLOSE, i);
        String name = text.substring(i + TOKEN.length(), end);
        out.append(byName.getOrDefault(name, ""));
        i = end + CLOSE.length();
      } else {
        out.append(text.charAt(i));
        i++;
      }
    }
    return out.toString();
  }

  private static JsonNode map(JsonNode node, UnaryOperator<String> f) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      return JsonNodeFactory.instance.textNode(f.apply(node.asText()));
    }
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      node.properties().forEach(e -> out.set(f.apply(e.getKey()), map(e.getValue(), f)));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      node.forEach(n -> out.add(map(n, f)));
      return out;
    }
    return node;
  }
}
