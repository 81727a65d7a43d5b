package dev.weft.store;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A task to store with its job. {@code name} is what run-time history is kept under (the service or
 * job name); {@code spec} is the task as the model's codec writes it; queue and priority are copied
 * out of it so they can be queried.
 */
public record NewTask(String id, String name, JsonNode spec, String queue, int priority, String specText) {
  /**
   * @param specText {@code spec} as the JSON text to store, when the caller has it already (the
   *     copies of an array: the same text but for the id); null to have the store write it
   */
  public NewTask {
  }

  /** A task whose spec the store writes as JSON text. */
  public NewTask(String id, String name, JsonNode spec, String queue, int priority) {
    this(id, name, spec, queue, priority, null);
  }
}
