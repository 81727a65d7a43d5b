package dev.weft.store;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A task to store with its job. {@code name} is what run-time history is kept under (the service or
 * job name); {@code spec} is the task as the model's codec writes it; queue and priority are copied
 * out of it so they can be queried.
 */
public record NewTask(String id, String name, JsonNode spec, String queue, int priority) {}
