package dev.weft.server.api.auth;

/** Who made a request: the token's name (never the token itself) and its role. */
public record Caller(String name, Role role) {
  /** The caller when no tokens are configured (loopback only): allowed everything. */
  public static final Caller LOCAL = new Caller("local", Role.ADMIN);
}
