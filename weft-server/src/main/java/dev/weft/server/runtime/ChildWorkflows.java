package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.store.Definition;
import dev.weft.workflow.decide.Command;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * {@code run: workflow}: starts the child instance of the definition named by namespace, name and
 * version (the document's own {@code version}, from the definition store) and drives it to its
 * end; its output, or its error, is the parent step's result. The child's id and idempotency key
 * come from the parent's command id, so carrying the command out again (a retry after a crash)
 * finds the same child instead of starting a second one.
 */
final class ChildWorkflows {
  /** Nesting allowed on one thread: a workflow that runs itself would otherwise recurse forever. */
  static final int MAX_DEPTH = 32;
  private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

  private final WorkflowRuntime runtime;
  private final Definitions definitions;

  ChildWorkflows(WorkflowRuntime runtime, Definitions definitions) {
    this.runtime = runtime;
    this.definitions = definitions;
  }

  /** The child's id for a parent command: a name-based UUID of the command id. */
  static String childId(String parentCommandId) {
    return UUID.nameUUIDFromBytes(("child:" + parentCommandId).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** The child's idempotency key for a parent command. */
  static String childKey(String parentCommandId) {
    return "child:" + parentCommandId;
  }

  /** The stored definition the step names. @throws CommandFault (configuration 404) when it is not stored */
  static Definition definition(Definitions definitions, Command.RunWorkflow w) throws CommandFault {
    String namespace = w.workflow().path("namespace").asText("default");
    String name = w.workflow().path("name").asText();
    String version = w.workflow().path("version").asText();
    return definitions.find(namespace, name, version).orElseThrow(() -> new CommandFault("configuration", 404,
        "Unknown workflow", "no stored definition " + namespace + "/" + name + " version " + version, w.step()));
  }

  /** The fault of a child that would be nested deeper than {@link #MAX_DEPTH}. */
  static CommandFault tooDeep(Command.RunWorkflow w) {
    return new CommandFault("runtime", 508, "Nested too deep",
        "run: workflow nested more than " + MAX_DEPTH + " deep (does a workflow run itself?)", w.step());
  }

  JsonNode run(Command.RunWorkflow w) throws CommandFault {
    Definition def = definition(definitions, w);
    if (DEPTH.get() >= MAX_DEPTH) {
      throw tooDeep(w);
    }
    DEPTH.set(DEPTH.get() + 1);
    RunResult r;
    try {
      String id = runtime.start(def, w.input(), childKey(w.id()), childId(w.id()));
      r = runtime.drive(id);
    } finally {
      DEPTH.set(DEPTH.get() - 1);
    }
    return switch (r.status()) {
      case COMPLETED -> r.output();
      case FAILED -> throw new CommandFault(r.error());
      default -> throw new CommandFault("runtime", 501, "Not supported", "child instance " + r.instanceId() + " is " + r.status()
          + ": it waits for something this runtime does not provide (an event)", w.step());
    };
  }
}
