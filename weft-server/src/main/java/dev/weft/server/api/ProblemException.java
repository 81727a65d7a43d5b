package dev.weft.server.api;

import java.util.List;

/**
 * Thrown by a handler to answer with a problem detail; the server turns it into the response.
 * Carries no stack trace: it is an answer, not a bug.
 */
public final class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final String TYPES = "https://weft.dev/problems/";

  private final int status;
  private final String type;
  private final String title;
  private final transient List<FieldError> errors;

  public ProblemException(int status, String type, String title, String detail, List<FieldError> errors) {
    super(detail, null, false, false);
    this.status = status;
    this.type = type;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  /** 400: the request is malformed; {@code errors} name the fields at fault. */
  public static ProblemException badRequest(String detail, List<FieldError> errors) {
    return new ProblemException(400, TYPES + "bad-request", "Bad request", detail, errors);
  }

  public static ProblemException badRequest(FieldError error) {
    return badRequest(error.message(), List.of(error));
  }

  /** 404: the named thing does not exist. */
  public static ProblemException notFound(String detail) {
    return new ProblemException(404, TYPES + "not-found", "Not found", detail, List.of());
  }

  /** 409: the request conflicts with what is stored. */
  public static ProblemException conflict(String detail, List<FieldError> errors) {
    return new ProblemException(409, TYPES + "conflict", "Conflict", detail, errors);
  }

  /** 422: well-formed, but not acceptable (e.g. an invalid workflow document). */
  public static ProblemException unprocessable(String type, String title, String detail, List<FieldError> errors) {
    return new ProblemException(422, TYPES + type, title, detail, errors);
  }

  /** 413: the body is larger than the server accepts. */
  public static ProblemException tooLarge(long limit) {
    return new ProblemException(413, TYPES + "too-large", "Request body too large",
        "the request body is larger than " + limit + " bytes", List.of());
  }

  /** 415: the body's media type is not one the route reads. */
  public static ProblemException unsupportedMediaType(String given, List<String> accepted) {
    return new ProblemException(415, TYPES + "unsupported-media-type", "Unsupported media type",
        "Content-Type " + (given == null ? "(none)" : given) + " is not accepted here; use one of " + accepted,
        List.of(FieldError.param("Content-Type", "expected one of " + accepted)));
  }

  /** 429: the caller made more requests than the server's {@code --rate-limit} allows; Retry-After says when to come back. */
  public static ProblemException tooManyRequests(String detail) {
    return new ProblemException(429, TYPES + "too-many-requests", "Too many requests", detail, List.of());
  }

  /** 503: the database is away (restarting, unreachable); the same request may work in a moment. */
  public static ProblemException unavailable(String detail) {
    return new ProblemException(503, TYPES + "unavailable", "Service unavailable", detail, List.of());
  }

  public Problem toProblem(String instance) {
    return new Problem(type, title, status, getMessage(), instance, errors);
  }

  public int status() {
    return status;
  }
}
