package dev.weft.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** What it takes to create an instance; the caller supplies the id (ids are injected, not drawn). */
public record NewInstance(
    String id, String idempotencyKey, String definitionName, int definitionVersion, JsonNode snapshot) {
  public NewInstance {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(definitionName, "definitionName");
    Objects.requireNonNull(snapshot, "snapshot");
  }
}
