package dev.weft.store;

import java.util.Optional;

/** Which instances {@link InstanceStore#list} returns; empty parts match everything. */
public record InstanceFilter(Optional<InstanceStatus> status, Optional<String> definitionName, int limit) {
  public static InstanceFilter all(int limit) {
    return new InstanceFilter(Optional.empty(), Optional.empty(), limit);
  }

  public InstanceFilter withStatus(InstanceStatus s) {
    return new InstanceFilter(Optional.of(s), definitionName, limit);
  }

  public InstanceFilter withDefinition(String name) {
    return new InstanceFilter(status, Optional.of(name), limit);
  }
}
