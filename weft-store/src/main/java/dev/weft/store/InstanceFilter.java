package dev.weft.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Which instances {@link InstanceStore#list} returns; empty parts match everything. {@code after}
 * pages: only instances after that position in the list's order (created, then id).
 */
public record InstanceFilter(Optional<InstanceStatus> status, Optional<String> definitionName, int limit,
    Optional<Position> after) {

  /** A place in the order of {@link InstanceStore#list}: the last instance of the previous page. */
  public record Position(Instant createdAt, String id) {}

  public InstanceFilter(Optional<InstanceStatus> status, Optional<String> definitionName, int limit) {
    this(status, definitionName, limit, Optional.empty());
  }

  public static InstanceFilter all(int limit) {
    return new InstanceFilter(Optional.empty(), Optional.empty(), limit);
  }

  public InstanceFilter withStatus(InstanceStatus s) {
    return new InstanceFilter(Optional.of(s), definitionName, limit, after);
  }

  public InstanceFilter withDefinition(String name) {
    return new InstanceFilter(status, Optional.of(name), limit, after);
  }

  public InstanceFilter after(Position p) {
    return new InstanceFilter(status, definitionName, limit, Optional.of(p));
  }
}
