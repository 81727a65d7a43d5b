package dev.weft.server.api.workflows;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.server.runtime.RunResult;
import dev.weft.store.Instance;

/**
 * An instance as the API shows it. Never the snapshot (it holds the workflow's secrets); the
 * output once completed, the RFC 7807 error once failed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record InstanceView(String id, String definition, int version, String status, String createdAt, String updatedAt,
    JsonNode output, JsonNode error) {

  static InstanceView of(Instance i) {
    return new InstanceView(i.id(), i.definitionName(), i.definitionVersion(), i.status().name(),
        i.createdAt().toString(), i.updatedAt().toString(), null, null);
  }

  /** With the output or error of {@code r}, and its status (read with them). */
  InstanceView withResult(RunResult r) {
    return new InstanceView(id, definition, version, r.status().name(), createdAt, updatedAt, r.output(), r.error());
  }
}
