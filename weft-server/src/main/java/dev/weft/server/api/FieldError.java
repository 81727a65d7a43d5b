package dev.weft.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with a request, naming its place: {@code pointer} (RFC 6901, into the body)
 * or {@code parameter} (a path, query or header parameter); exactly one is set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String pointer, String parameter, String message) {
  public static FieldError at(String pointer, String message) {
    return new FieldError(pointer, null, message);
  }

  public static FieldError param(String name, String message) {
    return new FieldError(null, name, message);
  }
}
