package dev.weft.server.api.auth;

import dev.weft.server.api.Access;
import java.util.Locale;
import java.util.Optional;

/** The role a token carries. What each may do is the table in {@link #allows}. */
public enum Role {
  ADMIN, OPERATOR, VIEWER, AGENT, WORKER;

  /**
   * The role matrix. An agent token opens the agent protocol and nothing else, a worker token the
   * worker protocol and nothing else; a viewer reads; an operator reads and changes workflows,
   * instances and jobs, and may act as a worker; an admin may do everything.
   */
  public boolean allows(Access access) {
    return switch (access) {
      case PUBLIC -> true;
      case READ -> this != AGENT && this != WORKER;
      case OPERATE -> this == ADMIN || this == OPERATOR;
      case ADMIN -> this == ADMIN;
      case AGENT -> this == ADMIN || this == AGENT;
      case WORK -> this == ADMIN || this == OPERATOR || this == WORKER;
    };
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role named {@code s} (lower or upper case), or empty. */
  public static Optional<Role> parse(String s) {
    for (Role r : values()) {
      if (r.name().equalsIgnoreCase(s)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
