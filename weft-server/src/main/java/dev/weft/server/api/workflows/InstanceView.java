package dev.weft.server.api.workflows;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.server.runtime.RunResult;
import java.util.List;
import dev.weft.store.Instance;

/**
 * An instance as the API shows it. Never the snapshot (it holds the workflow's secrets); the
 * output once completed, the RFC 7807 error once failed; a child started by a {@code run: workflow}
 * step names its {@code parent}, and a parent its {@code children}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record InstanceView(String id, String definition, int version, String status, String createdAt, String updatedAt,
    JsonNode output, JsonNode error, String parent, List<String> children) {

  static InstanceView of(Instance i) {
    return new InstanceView(i.id(), i.definitionName(), i.definitionVersion(), i.status().name(),
        i.createdAt().toString(), i.updatedAt().toString(), null, null, null, null);
  }

  /** With the output or error of {@code r}, and its status (read with them). */
  InstanceView withResult(RunResult r) {
    return new InstanceView(id, definition, version, r.status().name(), createdAt, updatedAt, r.output(), r.error(),
        parent, children);
  }

  /** With the instance whose {@code run: workflow} step started this one, and the children this one started. */
  InstanceView withFamily(dev.weft.server.runtime.WorkflowEngine.Family f) {
    return new InstanceView(id, definition, version, status, createdAt, updatedAt, output, error, f.parent().orElse(null),
        f.children().isEmpty() ? null : f.children());
  }
}
