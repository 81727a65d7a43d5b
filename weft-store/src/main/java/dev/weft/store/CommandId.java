package dev.weft.store;

import java.util.Objects;

/**
 * The deterministic id of a command: the same instance, step pointer and attempt always give the
 * same id, so a decision replayed after a crash appends nothing new and an executor can use the
 * id as its idempotency key.
 */
public record CommandId(String instanceId, String stepPointer, int attempt) {
  public CommandId {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(stepPointer, "stepPointer");
    if (attempt < 0) {
      throw new IllegalArgumentException("attempt must not be negative, got " + attempt);
    }
  }

  /** {@code instance:pointer#attempt}, e.g. {@code i-7:/do/2/callApi#1}. */
  public String value() {
    return instanceId + ":" + stepPointer + "#" + attempt;
  }

  @Override
  public String toString() {
    return value();
  }
}
