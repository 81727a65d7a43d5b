package dev.weft.server.api.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.server.runtime.RunResult;
import dev.weft.store.Definition;

/**
 * What the API needs from a workflow engine. The first adapter runs {@code WorkflowRuntime} on a
 * background pool; a multi-threaded engine can replace it without touching the resources.
 */
public interface WorkflowEngine extends AutoCloseable {
  /**
   * Validates and stores a document; the same text again gives the same version.
   *
   * @throws dev.weft.workflow.read.WorkflowValidationException with every problem of the document
   */
  Definition define(String document);

  /**
   * Creates the instance (the same key again gives the same instance), records its start and
   * has it carried out in the background; returns its id.
   */
  String start(String document, JsonNode input, String idempotencyKey);

  /** Where an instance is now: status, and output or error once it has ended. */
  RunResult result(String instanceId);

  /** The instance whose {@code run: workflow} step started {@code instanceId}, and the children it started. */
  dev.weft.server.runtime.WorkflowEngine.Family family(String instanceId);

  @Override
  void close();
}
