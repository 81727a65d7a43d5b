package dev.weft.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;

/** Writes JSON answers with the server's mapper. */
public final class Replies {
  private Replies() {}

  public static void json(Context ctx, int status, Object body) {
    write(ctx, status, "application/json", body);
  }

  static void problem(Context ctx, Problem p) {
    write(ctx, p.status(), Problem.MEDIA_TYPE, p);
  }

  private static void write(Context ctx, int status, String type, Object body) {
    try {
      ctx.status(status).contentType(type).result(StrictJson.MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a " + body.getClass().getSimpleName() + " as JSON", e);
    }
  }
}
