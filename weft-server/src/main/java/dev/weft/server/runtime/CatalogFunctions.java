package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.weft.workflow.plan.FunctionRef;
import dev.weft.workflow.read.Problem;
import dev.weft.workflow.read.WorkflowReader;
import dev.weft.workflow.read.WorkflowValidationException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches the functions of external catalogs a document calls ({@code call: NAME:VERSION@CATALOG}
 * with {@code CATALOG} declared under {@code use.catalogs}) when the definition is stored, and
 * writes each into the document, so a decider rebuilt after a restart reads nothing and replays
 * as it first ran. The catalog {@code default} is Weft's service registry and is left alone.
 *
 * <p>A function's definition ({@link CatalogUris}) is one task. The call
 * {@code T: {call: F:V@C, with: W, ...}} is stored as
 * {@code T: {..., input: {from: W}, do: [F: <the fetched task>]}}, or, when {@code T} has its own
 * {@code input.from}, as {@code T: {..., do: [F: {input: {from: W}, do: [F: <the fetched task>]}]}}:
 * {@code T}'s own {@code if}, {@code input}, {@code output}, {@code export}, {@code then},
 * {@code timeout} and {@code metadata} stay as written, the function's input is {@code with} (an
 * object, its expressions evaluated against {@code T}'s transformed input; {@code {}} when
 * absent), and its output is {@code T}'s raw output. A function that calls catalog functions has them written in
 * too, up to {@link #MAX_DEPTH} deep. Endpoints are read by {@link ResourceReader} with the
 * catalog endpoint's authentication. A fetched definition is kept per URI for the life of this
 * object. A function that cannot be fetched, is not YAML, or is not a valid task is a
 * {@link WorkflowValidationException} at the call's pointer in the author's document.
 */
final class CatalogFunctions {
  /** How deep catalog functions may call catalog functions; a call from the document itself is depth 1. */
  static final int MAX_DEPTH = 8;
  private static final YAMLMapper YAML = new YAMLMapper();

  private final ResourceReader reader;
  private final Map<String, JsonNode> fetched = new ConcurrentHashMap<>();

  CatalogFunctions(ResourceReader reader) {
    this.reader = reader;
  }

  /**
   * A function written into the stored document.
   *
   * @param at the pointer of its task in the stored document
   * @param call the pointer, in the author's document, of the call it was written in for
   * @param function the call, {@code NAME:VERSION@CATALOG}
   * @param uri where its definition was read
   */
  record Inlined(String at, String call, String function, String uri) {}

  /** The document to store, its validated tree (so the next step need not read it again), and the functions written into it. */
  record Resolved(String text, JsonNode document, List<Inlined> functions) {
    /**
     * Problems of the stored document as the author reads them: one inside a function is put at
     * the author's call, naming the function, its URI and the place inside it; lines are those of
     * {@code authored}.
     */
    List<Problem> authored(String authored, List<Problem> problems) {
      List<Problem> placed = new ArrayList<>();
      for (Problem p : problems) {
        Inlined in = null;
        for (Inlined f : functions) {
          boolean inside = p.pointer().equals(f.at()) || p.pointer().startsWith(f.at() + "/");
          if (inside && (in == null || f.at().length() > in.at().length())) {
            in = f;
          }
        }
        String inner = in == null ? "" : p.pointer().substring(in.at().length());
        placed.add(in == null ? new Problem(p.pointer(), p.message()) : new Problem(in.call() + "/call", "in the catalog function "
            + in.function() + " from " + in.uri() + (inner.isEmpty() ? "" : ", at " + inner) + ": " + p.message()));
      }
      return WorkflowReader.withLines(authored, placed.stream().distinct().toList());
    }
  }

  /** A call still to be written in: where it is in the stored document, the author's call it serves, the calls that led to it. */
  private record Pending(String at, String call, List<String> chain) {}

  /**
   * The text itself (and no functions) when it calls no external catalog; else the document with
   * every such function written in, as YAML headed by a comment saying where each came from.
   *
   * @throws WorkflowValidationException when the document is invalid, or a function cannot be fetched or used
   */
  Resolved resolve(String text) {
    JsonNode document = WorkflowReader.read(text);
    List<String> found = new ArrayList<>();
    taskList(document.get("do"), "/do", found);
    if (found.isEmpty()) {
      return new Resolved(text, document, List.of());
    }
    Pass pass = new Pass(document);
    found.forEach(at -> pass.todo.add(new Pending(at, at, List.of())));
    for (Pending p = pass.todo.poll(); p != null; p = pass.todo.poll()) {
      pass.writeIn(p);
    }
    if (!pass.problems.isEmpty()) {
      throw new WorkflowValidationException(WorkflowReader.withLines(text, pass.problems));
    }
    String stored = pass.header + write(pass.resolved);
    List<Inlined> inlined = List.copyOf(pass.inlined);
    try {
      return new Resolved(stored, WorkflowReader.read(stored), inlined);
    } catch (WorkflowValidationException e) {
      throw new WorkflowValidationException(new Resolved(stored, null, inlined).authored(text, e.problems()));
    }
  }

  /** One resolution of a document: the copy being written, the calls still to write in, what was written and what was wrong. */
  private final class Pass {
    final JsonNode document;
    final ObjectNode resolved;
    final Deque<Pending> todo = new ArrayDeque<>();
    final List<Problem> problems = new ArrayList<>();
    final List<Inlined> inlined = new ArrayList<>();
    final StringBuilder header = new StringBuilder("# Stored by Weft with its catalog functions written in:\n");

    Pass(JsonNode document) {
      this.document = document;
      this.resolved = document.deepCopy();
    }

    /** Writes in the function of one call, queueing the catalog calls it makes; a function that cannot be used is a problem. */
    void writeIn(Pending p) {
      ObjectNode task = (ObjectNode) resolved.at(p.at());
      String name = task.get("call").asText();
      List<String> chain = new ArrayList<>(p.chain());
      chain.add(name);
      if (chain.size() > MAX_DEPTH) {
        problems.add(new Problem(p.call() + "/call", "catalog functions call catalog functions more than " + MAX_DEPTH
            + " deep: " + String.join(" -> ", chain)));
        return;
      }
      FunctionRef ref = FunctionRef.parse(name);
      JsonNode endpoint = document.at("/use/catalogs/" + escape(ref.catalog()) + "/endpoint");
      String uri = CatalogUris.function(ResourceReader.uri(endpoint), ref);
      try {
        JsonNode function = fetch(uri, ResourceReader.authentication(document, endpoint, "catalog functions"));
        check(document, ref, function);
        String at = inline(task, p.at(), ref, function.deepCopy());
        inlined.add(new Inlined(at, p.call(), name, uri));
        header.append("#   ").append(at).append(": ").append(name).append(" from ").append(uri).append('\n');
        List<String> nested = new ArrayList<>();
        task(resolved.at(at), at, nested);
        nested.forEach(n -> todo.add(new Pending(n, p.call(), chain)));
      } catch (IllegalArgumentException e) {
        String via = chain.size() > 1 ? " (called by " + String.join(" -> ", chain.subList(0, chain.size() - 1)) + ")" : "";
        problems.add(new Problem(p.call() + "/call", "the catalog function " + name + " from " + uri + via
            + " cannot be used: " + e.getMessage()));
      }
    }
  }

  /**
   * Writes {@code function} in place of the call {@code task} (at {@code at}); returns the pointer
   * of the function's task. The call's {@code with} becomes {@code input.from}: of the call itself
   * when it has none (one level of nesting less, which the DSL schema's validation pays for
   * exponentially), else of a task wrapped around the function.
   */
  private static String inline(ObjectNode task, String at, FunctionRef ref, JsonNode function) {
    JsonNode with = task.has("with") ? task.get("with") : YAML.createObjectNode();
    task.remove("call");
    task.remove("with");
    String name = escape(ref.name());
    if (!task.at("/input/from").isMissingNode()) {
      ObjectNode wrapper = YAML.createObjectNode();
      wrapper.putObject("input").set("from", with);
      wrapper.putArray("do").addObject().set(ref.name(), function);
      task.putArray("do").addObject().set(ref.name(), wrapper);
      return at + "/do/0/" + name + "/do/0/" + name;
    }
    (task.get("input") instanceof ObjectNode input ? input : task.putObject("input")).set("from", with);
    task.putArray("do").addObject().set(ref.name(), function);
    return at + "/do/0/" + name;
  }

  /** A function is one valid task, checked in a document of its own with the caller's {@code use}. */
  private static void check(JsonNode document, FunctionRef ref, JsonNode function) {
    if (!function.isObject()) {
      throw new IllegalArgumentException("its function.yaml holds " + function.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)
          + ", not a task definition (an object such as {set: ...} or {run: ...})");
    }
    ObjectNode probe = YAML.createObjectNode();
    probe.putObject("document").put("dsl", document.at("/document/dsl").asText()).put("namespace", "catalog")
        .put("name", "function").put("version", "0.0.0");
    if (document.has("use")) {
      probe.set("use", document.get("use"));
    }
    probe.putArray("do").addObject().set(ref.name(), function);
    try {
      WorkflowReader.validate(probe);
    } catch (WorkflowValidationException e) {
      String at = "/do/0/" + escape(ref.name());
      throw new IllegalArgumentException("it is not a valid task: " + String.join("; ", e.problems().stream()
          .map(p -> (p.pointer().length() > at.length() ? p.pointer().substring(at.length()) : "/") + ": " + p.message()).toList()));
    }
  }

  private JsonNode fetch(String uri, JsonNode authentication) {
    JsonNode known = fetched.get(uri);
    if (known != null) {
      return known;
    }
    String text = reader.read(uri, authentication);
    JsonNode function;
    try {
      function = YAML.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException("its function.yaml is not YAML: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
    if (function == null || function.isMissingNode()) {
      throw new IllegalArgumentException("its function.yaml is empty");
    }
    fetched.put(uri, function);
    return function;
  }

  /** The pointers of the calls of external catalogs' functions in a task list, at any depth. */
  private static void taskList(JsonNode list, String pointer, List<String> found) {
    if (list == null || !list.isArray()) {
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      if (item.isObject() && item.size() == 1) {
        var e = item.properties().iterator().next();
        task(e.getValue(), pointer + "/" + i + "/" + escape(e.getKey()), found);
      }
    }
  }

  private static void task(JsonNode t, String at, List<String> found) {
    JsonNode call = t.get("call");
    if (call != null && call.isTextual() && !FunctionRef.PROTOCOLS.contains(call.asText())
        && !FunctionRef.parse(call.asText()).runtimeOwn()) {
      found.add(at);
      return;
    }
    taskList(t.get("do"), at + "/do", found);
    taskList(t.get("try"), at + "/try", found);
    taskList(t.at("/catch/do"), at + "/catch/do", found);
    taskList(t.at("/fork/branches"), at + "/fork/branches", found);
    taskList(t.at("/foreach/do"), at + "/foreach/do", found);
  }

  private static String write(JsonNode document) {
    try {
      return YAML.writeValueAsString(document);
    } catch (IOException e) {
      throw new IllegalStateException("a document tree always writes as YAML", e);
    }
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
