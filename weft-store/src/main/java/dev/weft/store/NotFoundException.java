package dev.weft.store;

/** The named row (instance, definition) does not exist. */
public final class NotFoundException extends StoreException {
  public NotFoundException(String what) {
    super(what + " does not exist");
  }
}
