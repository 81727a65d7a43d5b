package dev.weft.server.runtime;

import dev.weft.store.Definition;
import dev.weft.store.DefinitionStore;
import dev.weft.workflow.decide.Decider;
import dev.weft.workflow.plan.Plan;
import dev.weft.workflow.plan.PlanCompiler;
import dev.weft.workflow.read.WorkflowReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Documents in the definition store, and a decider per stored revision. A document is stored
 * under {@code namespace/name} of its {@code document} block; each distinct
 * {@code document.version} gets the next store revision (1, 2, ...). The same text again reuses
 * its revision; another text with a version already stored is refused
 * ({@link DefinitionConflictException}), so an instance's definition never changes under it.
 * "Latest" is the revision stored last.
 */
public final class Definitions {
  private final DefinitionStore store;
  private final ExternalResources external;
  private final Map<String, Decider> deciders = new ConcurrentHashMap<>();
  /** Texts stored (or found) by this process: a stored version never changes, so starting the same text again skips the compiler. */
  private final Map<String, Definition> byText = new ConcurrentHashMap<>();

  public Definitions(DefinitionStore store) {
    this(store, new ExternalResources(new HttpCaller(java.time.Duration.ofSeconds(30), HostRedirects.NONE)));
  }

  /** Catalog functions and external schema resources are fetched through {@code external} when a document is stored. */
  Definitions(DefinitionStore store, ExternalResources external) {
    this.store = store;
    this.external = external;
  }

  /**
   * Validates (throwing {@code WorkflowValidationException}), compiles and stores the document.
   * A document calling functions of external catalogs, or with external schema resources, is
   * stored with them fetched and written in ({@link ExternalResources}); one that cannot be
   * fetched or used is a {@code WorkflowValidationException}.
   *
   * @throws DefinitionConflictException when its namespace, name and version are stored with another text
   */
  public Definition store(String text, Instant now) {
    Definition known = byText.get(text);
    if (known != null) {
      return known;
    }
    Definition d = compileAndStore(external.resolve(text), now);
    byText.putIfAbsent(text, d);
    return d;
  }

  private Definition compileAndStore(String text, Instant now) {
    Plan plan = PlanCompiler.compile(text);
    String name = nameOf(plan);
    String version = plan.document().path("document").path("version").asText();
    List<Integer> revisions = store.versions(name);
    for (int r : revisions) {
      Definition d = store.find(name, r).orElseThrow();
      if (d.body().equals(text)) {
        deciders.putIfAbsent(key(d), new Decider(plan));
        return d;
      }
      if (dslVersion(d).equals(version)) {
        throw new DefinitionConflictException(name + " version " + version + " is already stored with another document"
            + " (store revision " + r + "): give the changed document a new document.version");
      }
    }
    int next = revisions.isEmpty() ? 1 : revisions.getLast() + 1;
    Definition d = store.store(name, next, text, now);
    deciders.putIfAbsent(key(d), new Decider(plan));
    return d;
  }

  /**
   * The stored definition {@code namespace/name} with that {@code document.version}, or the
   * one stored last when {@code version} is empty.
   *
   * @throws IllegalArgumentException naming what is not stored
   */
  Definition find(String name, Optional<String> version) {
    if (version.isEmpty()) {
      return store.latest(name).orElseThrow(() -> new IllegalArgumentException("no workflow definition named " + name));
    }
    List<Integer> revisions = store.versions(name);
    for (int r : revisions.reversed()) {
      Definition d = store.find(name, r).orElseThrow();
      if (dslVersion(d).equals(version.get())) {
        return d;
      }
    }
    throw new IllegalArgumentException(revisions.isEmpty() ? "no workflow definition named " + name
        : "workflow " + name + " has no version " + version.get() + " (stored: " + revisions.stream()
            .map(r -> dslVersion(store.find(name, r).orElseThrow())).toList() + ")");
  }

  /**
   * The newest stored definition of {@code namespace/name} whose document {@code version} is
   * {@code documentVersion}, or empty.
   */
  Optional<Definition> find(String namespace, String name, String documentVersion) {
    String key = namespace + "/" + name;
    List<Integer> versions = store.versions(key);
    for (int i = versions.size() - 1; i >= 0; i--) {
      int v = versions.get(i);
      if (decider(key, v).plan().document().at("/document/version").asText().equals(documentVersion)) {
        return store.find(key, v);
      }
    }
    return Optional.empty();
  }

  Decider decider(String name, int version) {
    return deciders.computeIfAbsent(name + "@" + version, k -> new Decider(PlanCompiler.compile(
        store.find(name, version).orElseThrow(() -> new IllegalStateException("definition " + k + " is not stored")).body())));
  }

  /** The {@code document.version} written in a stored definition. */
  static String dslVersion(Definition d) {
    return WorkflowReader.read(d.body()).path("document").path("version").asText();
  }

  private static String nameOf(Plan plan) {
    return plan.document().path("document").path("namespace").asText("default") + "/"
        + plan.document().path("document").path("name").asText("unnamed");
  }

  private static String key(Definition d) {
    return d.name() + "@" + d.version();
  }
}
