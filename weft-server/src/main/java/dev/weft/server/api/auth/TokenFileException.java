package dev.weft.server.api.auth;

/** A tokens file or variable that cannot be used; the message names the place (file:line). */
public final class TokenFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TokenFileException(String message) {
    super(message);
  }
}
