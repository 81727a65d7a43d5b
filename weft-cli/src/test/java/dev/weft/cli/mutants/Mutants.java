package dev.weft.cli.mutants;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of documents that are each wrong in a known way: wrong types, unknown
 * tasks and properties, broken jq, dangling {@code then}, endless {@code then} cycles, missing
 * required fields, bad durations, bad URIs, duplicate names, missing {@code use} references,
 * undeclared secrets, bad cron, broken YAML; some carry two mutations at separate places, and
 * every seventh is written as JSON instead of YAML.
 */
public final class Mutants {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final JsonNodeFactory N = JsonNodeFactory.instance;
  private static final List<String> KINDS = List.of("wrong type", "unknown task", "broken jq", "dangling then", "endless cycle",
      "missing required field", "bad duration", "bad uri", "duplicate name", "missing use reference", "undeclared secret",
      "unknown property", "bad cron", "broken yaml");

  private final Random random;
  private int uniq;

  private Mutants(long seed) {
    this.random = new Random(seed);
  }

  /** {@code count} mutants from the given seed; every fifth carries a second mutation elsewhere. */
  public static List<Mutant> generate(long seed, int count) {
    Mutants m = new Mutants(seed);
    List<Mutant> out = new ArrayList<>();
    List<String> bases = BaseDocuments.all();
    for (int i = 0; out.size() < count; i++) {
      Mutant mutant = m.one(out.size(), bases.get(i % bases.size()), KINDS.get((i / bases.size()) % KINDS.size()), i % 5 == 4);
      if (mutant != null) {
        out.add(mutant);
      }
    }
    return out;
  }

  private Mutant one(int number, String base, String kind, boolean twice) {
    if (kind.equals("broken yaml")) {
      return new Mutant(number, List.of(kind), brokenYaml(base), List.of(""));
    }
    JsonNode doc = read(base);
    List<String> kinds = new ArrayList<>();
    List<String> places = new ArrayList<>();
    String first = apply(doc, kind);
    if (first == null) {
      return null;
    }
    kinds.add(kind);
    places.add(first);
    if (twice && !kind.equals("endless cycle")) {
      for (int attempt = 0; attempt < 20; attempt++) {
        String other = KINDS.get(random.nextInt(KINDS.size() - 1));
        JsonNode copy = doc.deepCopy();
        String second = apply(copy, other);
        if (second != null && !second.isEmpty() && !first.isEmpty() && !related(task(first), task(second))
            && copy.at(first).equals(doc.at(first))) {
          doc = copy;
          kinds.add(other);
          places.add(second);
          break;
        }
      }
    }
    return new Mutant(number, kinds, number % 7 == 6 ? writeJson(doc) : write(doc), places);
  }

  /** The task a place is in (the longest prefix ending in {@code /<index>/<name>}), or the place itself. */
  private static String task(String place) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(.*/\\d+/[^/]+)").matcher(place);
    return m.find() ? m.group(1) : place;
  }

  /** One place is at, above or below the other. */
  public static boolean related(String a, String b) {
    return a.equals(b) || a.startsWith(b + "/") || b.startsWith(a + "/") || a.isEmpty() || b.isEmpty();
  }

  private String apply(JsonNode doc, String kind) {
    List<Place> tasks = Place.tasks(doc);
    return switch (kind) {
      case "wrong type" -> wrongType(doc, tasks);
      case "unknown task" -> unknownTask(pick(tasks));
      case "broken jq" -> brokenJq(doc);
      case "dangling then" -> setField(pick(tasks), "then", N.textNode("nowhere" + (++uniq)));
      case "endless cycle" -> cycle(doc);
      case "missing required field" -> missing(doc, tasks);
      case "bad duration" -> badDuration(tasks);
      case "bad uri" -> badUri(doc, tasks);
      case "duplicate name" -> duplicate(pick(tasks));
      case "missing use reference" -> missingReference(tasks);
      case "undeclared secret" -> undeclaredSecret(tasks);
      case "unknown property" -> setField(pick(tasks), "frobnicate" + (++uniq), N.numberNode(1));
      case "bad cron" -> {
        ((ObjectNode) doc).putObject("schedule").put("cron", List.of("every day", "61 * * * *", "* * *", "0 0 32 * *").get(random.nextInt(4)));
        yield "/schedule/cron";
      }
      default -> throw new IllegalArgumentException(kind);
    };
  }

  private String wrongType(JsonNode doc, List<Place> tasks) {
    if (random.nextInt(5) == 0) {
      List<String> fields = List.of("/document/name", "/document/dsl", "/do");
      String at = fields.get(random.nextInt(fields.size()));
      replace(doc, at, at.equals("/do") ? N.objectNode().put("a", 1) : N.numberNode(7));
      return at;
    }
    Place t = pick(tasks);
    List<String> keys = new ArrayList<>();
    t.body().fieldNames().forEachRemaining(keys::add);
    String key = keys.get(random.nextInt(keys.size()));
    JsonNode wrong = switch (key) {
      case "switch", "try", "fork", "with", "raise", "for" -> N.textNode("oops");
      case "do" -> N.objectNode().put("a", 1);
      default -> random.nextBoolean() ? N.numberNode(7) : N.arrayNode().add(1);
    };
    return setField(t, key, wrong);
  }

  private String unknownTask(Place t) {
    ObjectNode task = (ObjectNode) t.holder();
    task.removeAll();
    task.set(t.name(), N.objectNode().set("frobnicate" + (++uniq), N.objectNode().put("x", 1)));
    return t.pointer();
  }

  private String brokenJq(JsonNode doc) {
    List<String> exprs = new ArrayList<>();
    Place.expressions(doc, "", exprs);
    String at = exprs.get(random.nextInt(exprs.size()));
    List<String> broken = List.of("${ .a + }", "${ .[ }", "${ foo( }", "${ .x | }", "${ {a: } }", "${ .n > > 2 }");
    String b = broken.get(random.nextInt(broken.size()));
    boolean bare = at.endsWith("/when") || at.endsWith("/while") || at.endsWith("/if");
    replace(doc, at, N.textNode(bare && random.nextBoolean() ? b.substring(2, b.length() - 1).strip() : b));
    return at;
  }

  /** One, two or three pure {@code set} tasks whose {@code then}s go round in a circle, appended to a task list. */
  private String cycle(JsonNode doc) {
    List<String> lists = Place.taskLists(doc);
    String list = lists.get(random.nextInt(lists.size()));
    ArrayNode items = (ArrayNode) doc.at(list);
    int size = 1 + random.nextInt(3);
    int index = items.size(); // appended, so the places of other mutations keep their indices
    List<String> names = new ArrayList<>();
    for (int k = 0; k < size; k++) {
      names.add("spin" + (++uniq));
    }
    for (int k = 0; k < size; k++) {
      ObjectNode body = N.objectNode();
      body.putObject("set").put("k", k);
      body.put("then", names.get((k + 1) % size));
      items.insert(index + k, N.objectNode().set(names.get(k), body));
    }
    return list + "/" + index;
  }

  private String missing(JsonNode doc, List<Place> tasks) {
    if (random.nextInt(4) == 0) {
      List<String> fields = List.of("/document/name", "/document/dsl", "/document/version", "/document/namespace", "/do");
      String at = fields.get(random.nextInt(fields.size()));
      remove(doc, at);
      return at;
    }
    List<String> candidates = new ArrayList<>();
    for (Place t : tasks) {
      for (String rel : List.of("/with/endpoint", "/with/method", "/for/in", "/raise/error", "/emit/event", "/listen/to", "/run/shell/command",
          "/run/workflow/name", "/catch", "/wait", "/set")) {
        if (!t.body().at(rel).isMissingNode() && (!rel.startsWith("/with/") || t.body().path("call").asText().equals("http"))) {
          candidates.add(t.pointer() + rel);
        }
      }
    }
    String at = candidates.get(random.nextInt(candidates.size()));
    remove(doc, at);
    return at;
  }

  private String badDuration(List<Place> tasks) {
    List<JsonNode> bad = List.of(N.textNode("P1Y"), N.textNode("five seconds"), N.textNode("PT"), N.objectNode(),
        N.objectNode().put("hours", "x"), N.textNode("P2M"));
    Place t = pick(tasks);
    JsonNode value = bad.get(random.nextInt(bad.size()));
    if (t.body().has("wait")) {
      return setField(t, "wait", value);
    }
    ((ObjectNode) t.body()).putObject("timeout").set("after", value);
    return t.pointer() + "/timeout/after";
  }

  private String badUri(JsonNode doc, List<Place> tasks) {
    List<String> bad = List.of("not a uri", "localhost/x", "://nohost", "http//missing-colon");
    String value = bad.get(random.nextInt(bad.size()));
    for (Place t : tasks) {
      if (t.body().path("call").asText().equals("http")) {
        ((ObjectNode) t.body().get("with")).put("endpoint", value);
        return t.pointer() + "/with/endpoint";
      }
    }
    Place t = pick(tasks);
    ObjectNode call = N.objectNode().put("call", "http");
    call.putObject("with").put("method", "get").put("endpoint", value);
    ObjectNode holder = (ObjectNode) t.holder();
    holder.removeAll();
    holder.set(t.name(), call);
    return t.pointer() + "/with/endpoint";
  }

  private String duplicate(Place t) {
    ArrayNode list = (ArrayNode) t.list();
    list.add(t.holder().deepCopy()); // appended, so the places of other mutations keep their indices
    return t.listPointer() + "/" + (list.size() - 1);
  }

  private String missingReference(List<Place> tasks) {
    Place t = pick(tasks);
    return switch (random.nextInt(3)) {
      case 0 -> setField(t, "timeout", N.textNode("noSuchTimeout"));
      case 1 -> {
        ObjectNode holder = (ObjectNode) t.holder();
        holder.removeAll();
        holder.set(t.name(), N.objectNode().set("raise", N.objectNode().put("error", "noSuchError")));
        yield t.pointer() + "/raise/error";
      }
      default -> {
        ObjectNode holder = (ObjectNode) t.holder();
        ObjectNode body = N.objectNode();
        body.putArray("try").add(N.objectNode().set("inner", N.objectNode().set("set", N.objectNode().put("a", 1))));
        body.putObject("catch").put("retry", "noSuchRetry");
        holder.removeAll();
        holder.set(t.name(), body);
        yield t.pointer() + "/catch/retry";
      }
    };
  }

  private String undeclaredSecret(List<Place> tasks) {
    Place t = pick(tasks);
    ObjectNode holder = (ObjectNode) t.holder();
    holder.removeAll();
    holder.set(t.name(), N.objectNode().set("set", N.objectNode().put("leak", "${ $secrets.noSuchSecret }")));
    return t.pointer() + "/set/leak";
  }

  private String brokenYaml(String base) {
    List<String> lines = new ArrayList<>(base.lines().toList());
    int at = 1 + random.nextInt(lines.size() - 1);
    switch (random.nextInt(4)) {
      case 0 -> lines.add(at, "  - broken: [unclosed, list");
      case 1 -> lines.set(at, lines.get(at).replaceFirst("}", ""));
      case 2 -> lines.add(at, "\tindented: with a tab");
      default -> lines.add(at, "  bad: 'unterminated string");
    }
    String text = String.join("\n", lines) + "\n";
    return text.equals(base) ? text + "  - broken: [\n" : text;
  }

  private String setField(Place t, String key, JsonNode value) {
    ((ObjectNode) t.body()).set(key, value);
    return t.pointer() + "/" + key;
  }

  private Place pick(List<Place> tasks) {
    return tasks.get(random.nextInt(tasks.size()));
  }

  private static void replace(JsonNode doc, String at, JsonNode value) {
    int cut = at.lastIndexOf('/');
    JsonNode parent = doc.at(at.substring(0, cut));
    String key = at.substring(cut + 1);
    if (parent instanceof ArrayNode a) {
      a.set(Integer.parseInt(key), value);
    } else {
      ((ObjectNode) parent).set(key, value);
    }
  }

  private static void remove(JsonNode doc, String at) {
    int cut = at.lastIndexOf('/');
    ((ObjectNode) doc.at(at.substring(0, cut))).remove(at.substring(cut + 1));
  }

  private static JsonNode read(String text) {
    try {
      return YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a base document does not parse", e);
    }
  }

  /** Some mutants are written as pretty-printed JSON, which the reader takes as well (lines are then JSON lines). */
  private static String writeJson(JsonNode doc) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String write(JsonNode doc) {
    try {
      return YAML.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
