package dev.weft.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Requests Jetty refuses before any route sees them (an unparseable URI such as {@code %00},
 * headers too large, a bad request line) also answer a problem detail instead of Jetty's HTML.
 */
final class BadMessages extends ErrorHandler {
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
    Problem p = new Problem("about:blank", "Bad message", status,
        "the request could not be read: " + (reason == null ? "malformed" : reason), null, List.of());
    try {
      return ByteBuffer.wrap(StrictJson.MAPPER.writeValueAsBytes(p));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a problem detail", e);
    }
  }
}
