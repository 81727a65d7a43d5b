package dev.weft.server.runtime;

import dev.weft.store.Definition;
import dev.weft.store.DefinitionStore;
import dev.weft.workflow.decide.Decider;
import dev.weft.workflow.plan.Plan;
import dev.weft.workflow.plan.PlanCompiler;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Documents in the definition store, and a decider per stored version. A document is stored
 * under {@code namespace/name} of its {@code document} block; the same text again reuses its
 * version, another text gets the next version number. A text stored once by this process is
 * not read, validated or compiled again: stored versions never change, so the same text keeps
 * meaning the same version.
 */
final class Definitions {
  private final DefinitionStore store;
  private final Map<String, Decider> deciders = new ConcurrentHashMap<>();
  private final Map<String, Definition> storedTexts = new ConcurrentHashMap<>();

  Definitions(DefinitionStore store) {
    this.store = store;
  }

  /** Validates (throwing {@code WorkflowValidationException}), compiles and stores the document. */
  Definition store(String text, Instant now) {
    Definition known = storedTexts.get(text);
    if (known != null) {
      return known;
    }
    Definition d = storeNew(text, now);
    storedTexts.putIfAbsent(text, d);
    return d;
  }

  private Definition storeNew(String text, Instant now) {
    Plan plan = PlanCompiler.compile(text);
    String name = plan.document().path("document").path("namespace").asText("default") + "/"
        + plan.document().path("document").path("name").asText("unnamed");
    List<Integer> versions = store.versions(name);
    for (int v : versions) {
      Definition d = store.find(name, v).orElseThrow();
      if (d.body().equals(text)) {
        deciders.putIfAbsent(key(d), new Decider(plan));
        return d;
      }
    }
    int next = versions.isEmpty() ? 1 : versions.getLast() + 1;
    Definition d = store.store(name, next, text, now);
    deciders.putIfAbsent(key(d), new Decider(plan));
    return d;
  }

  Decider decider(String name, int version) {
    return deciders.computeIfAbsent(name + "@" + version, k -> new Decider(PlanCompiler.compile(
        store.find(name, version).orElseThrow(() -> new IllegalStateException("definition " + k + " is not stored")).body())));
  }

  private static String key(Definition d) {
    return d.name() + "@" + d.version();
  }
}
