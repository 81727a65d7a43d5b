package dev.weft.store;

/** A write contradicts what is stored and may not be replaced (an immutable definition, a used id). */
public final class ConflictException extends StoreException {
  public ConflictException(String message) {
    super(message);
  }
}
