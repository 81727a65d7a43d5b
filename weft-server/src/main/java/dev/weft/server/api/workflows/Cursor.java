package dev.weft.server.api.workflows;

import dev.weft.server.api.FieldError;
import dev.weft.server.api.ProblemException;
import dev.weft.store.InstanceFilter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Opaque page cursors: base64url of the last item's position. A tampered cursor is a 400. */
final class Cursor {
  private Cursor() {}

  static String of(InstanceFilter.Position p) {
    return encode(p.createdAt().toEpochMilli() + ":" + p.id());
  }

  static InstanceFilter.Position position(String cursor) {
    String s = decode(cursor);
    int colon = s.indexOf(':');
    try {
      return new InstanceFilter.Position(Instant.ofEpochMilli(Long.parseLong(s.substring(0, colon))), s.substring(colon + 1));
    } catch (RuntimeException e) {
      throw invalid();
    }
  }

  static String encode(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  static String decode(String cursor) {
    try {
      return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
  }

  private static ProblemException invalid() {
    return ProblemException.badRequest(FieldError.param("cursor", "not a cursor this server gave out; use the 'next' of a previous page"));
  }
}
