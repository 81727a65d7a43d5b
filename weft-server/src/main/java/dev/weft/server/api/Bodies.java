package dev.weft.server.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/** The request body, read with a size limit and a media-type check. */
public final class Bodies {
  /** The default limit of a request body: 1 MiB. */
  public static final int DEFAULT_LIMIT = 1 << 20;
  static final String LIMIT_ATTRIBUTE = "weft.bodyLimit";

  private Bodies() {}

  /**
   * The body's bytes, reading at most the server's limit.
   *
   * @throws ProblemException 413 when the body is larger (declared or sent), 415 when its
   *     Content-Type is none of {@code accepted} (compared without parameters)
   */
  public static byte[] read(Context ctx, List<String> accepted) {
    String type = ctx.contentType();
    String bare = type == null ? null : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (bare == null || !accepted.contains(bare)) {
      throw ProblemException.unsupportedMediaType(type, accepted);
    }
    int limit = ctx.attribute(LIMIT_ATTRIBUTE) instanceof Integer i ? i : DEFAULT_LIMIT;
    long declared = ctx.req().getContentLengthLong();
    if (declared > limit) {
      throw ProblemException.tooLarge(limit);
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] bytes = in.readNBytes(limit + 1);
      if (bytes.length > limit) {
        throw ProblemException.tooLarge(limit);
      }
      return bytes;
    } catch (IOException e) {
      throw ProblemException.badRequest(FieldError.at("", "the request body could not be read: " + e.getMessage()));
    }
  }

  /** The body as a strictly read JSON {@code type} (Content-Type application/json). */
  public static <T> T json(Context ctx, Class<T> type) {
    return StrictJson.read(read(ctx, List.of("application/json")), type);
  }
}
