package dev.weft.server.api.auth;

import dev.weft.server.api.Access;
import dev.weft.server.api.FieldError;
import dev.weft.server.api.ProblemException;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a request may use a route: 401 without a known bearer token, 403 when the
 * token's role does not grant the route's {@link Access}. With no tokens configured every
 * caller is {@link Caller#LOCAL} (the server then listens on loopback only).
 */
public final class BearerAuth {
  private static final String TYPES = "https://weft.dev/problems/";
  private final Tokens tokens;

  public BearerAuth(Tokens tokens) {
    this.tokens = tokens;
  }

  /**
   * The caller, if it may use a route needing {@code access}.
   *
   * @param authorization the Authorization header, or null
   * @throws ProblemException 401 or 403
   */
  public Caller check(Access access, String authorization) {
    if (access == Access.PUBLIC) {
      return Caller.LOCAL;
    }
    if (tokens.isEmpty()) {
      return Caller.LOCAL;
    }
    Caller caller = bearer(authorization).flatMap(tokens::lookup).orElseThrow(() -> new ProblemException(401,
        TYPES + "unauthorized", "Unauthorized",
        authorization == null ? "this route needs a bearer token (Authorization: Bearer TOKEN)" : "the bearer token is not known",
        List.of(FieldError.param("Authorization", authorization == null ? "missing" : "unknown or malformed token"))));
    if (!caller.role().allows(access)) {
      throw new ProblemException(403, TYPES + "forbidden", "Forbidden",
          "role " + caller.role().wireName() + " (token '" + caller.name() + "') may not use a route needing "
              + access.name().toLowerCase(java.util.Locale.ROOT) + " access",
          List.of());
    }
    return caller;
  }

  private static Optional<String> bearer(String header) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    String t = header.substring(7).strip();
    return t.isEmpty() ? Optional.empty() : Optional.of(t);
  }
}
