package dev.weft.agent.protocol;

/** The server could not be reached, or refused a call; the message says which call and why. */
public class ProtocolException extends RuntimeException {
  public ProtocolException(String message) {
    super(message);
  }

  public ProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}
