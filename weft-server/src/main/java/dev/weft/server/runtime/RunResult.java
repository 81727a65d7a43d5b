package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.store.InstanceStatus;

/**
 * How an instance ended (or where it stopped): its status, and its output when completed or its
 * RFC 7807 error when failed.
 */
public record RunResult(String instanceId, InstanceStatus status, JsonNode output, JsonNode error) {
  public boolean completed() {
    return status == InstanceStatus.COMPLETED;
  }
}
