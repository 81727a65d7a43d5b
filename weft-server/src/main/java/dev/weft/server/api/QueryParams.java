package dev.weft.server.api;

import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/** Query parameters read strictly: each parsing error is a 400 naming the parameter. */
public final class QueryParams {
  private QueryParams() {}

  /** Rejects parameters the route does not declare, and parameters given twice. */
  static void checkKnown(Context ctx, List<String> known) {
    for (var e : ctx.queryParamMap().entrySet()) {
      if (!known.contains(e.getKey())) {
        throw ProblemException.badRequest(FieldError.param(e.getKey(),
            "unknown query parameter '" + e.getKey() + "'" + (known.isEmpty() ? "; this route takes none" : "; known: " + known)));
      }
      if (e.getValue().size() > 1) {
        throw ProblemException.badRequest(FieldError.param(e.getKey(), "given " + e.getValue().size() + " times; give it once"));
      }
    }
  }

  public static Optional<String> string(Context ctx, String name) {
    return Optional.ofNullable(ctx.queryParam(name)).filter(s -> !s.isEmpty());
  }

  /** An integer in {@code [min, max]}, or {@code fallback} when absent. */
  public static int integer(Context ctx, String name, int min, int max, int fallback) {
    Optional<String> s = string(ctx, name);
    if (s.isEmpty()) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(s.get());
      if (v < min || v > max) {
        throw ProblemException.badRequest(FieldError.param(name, "must be between " + min + " and " + max + ", got " + v));
      }
      return v;
    } catch (NumberFormatException e) {
      throw ProblemException.badRequest(FieldError.param(name, "must be an integer, got '" + abbreviate(s.get()) + "'"));
    }
  }

  /** One of the enum's names (case-insensitive), or empty when absent. */
  public static <E extends Enum<E>> Optional<E> oneOf(Context ctx, String name, Class<E> type) {
    Optional<String> s = string(ctx, name);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(s.get())) {
        return Optional.of(e);
      }
    }
    throw ProblemException.badRequest(FieldError.param(name, "must be one of " + List.of(type.getEnumConstants())
        + ", got '" + abbreviate(s.get()) + "'"));
  }

  static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
