package dev.weft.cli;

/**
 * A mistake the user can fix (a bad option combination, an unreadable input): reported as one
 * line {@code weft: <message>} on stderr with exit code 2, never with a stack trace.
 */
public class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
