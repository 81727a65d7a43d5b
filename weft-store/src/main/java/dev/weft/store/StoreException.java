package dev.weft.store;

/** A store operation failed; the message says which and why. Unchecked: callers rarely recover. */
public class StoreException extends RuntimeException {
  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
