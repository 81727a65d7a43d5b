package dev.weft.server.runtime;

import dev.weft.store.ChildInstanceStore;
import dev.weft.store.Definition;
import dev.weft.workflow.decide.Command;

/**
 * {@code run: workflow} in a server's engine: which stored definition the step names and how deep
 * the child would be nested, checked before the child is started ({@link Recorder#childStarted}).
 * The parent does not wait on a thread: the child's outcome comes back as the command's result
 * when it ends ({@link DeliverChildOutcomes}).
 */
final class ChildStarts {
  /** Nesting allowed: a workflow that runs itself would otherwise start children forever. */
  static final int MAX_DEPTH = ChildWorkflows.MAX_DEPTH;
  private final Definitions definitions;
  private final ChildInstanceStore children;

  ChildStarts(Definitions definitions, ChildInstanceStore children) {
    this.definitions = definitions;
    this.children = children;
  }

  /** What the child of {@code parentId} is started from: its definition and its depth. */
  record Start(Definition definition, int depth) {}

  /** @throws CommandFault (configuration 404) for a definition not stored, (runtime 508) when nested too deep */
  Start of(String parentId, Command.RunWorkflow w) throws CommandFault {
    Definition def = ChildWorkflows.definition(definitions, w);
    int depth = children.depthOf(parentId) + 1;
    if (depth > MAX_DEPTH) {
      throw ChildWorkflows.tooDeep(w);
    }
    return new Start(def, depth);
  }
}
