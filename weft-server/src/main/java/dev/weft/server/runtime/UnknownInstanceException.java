package dev.weft.server.runtime;

/** No instance has this id. */
public final class UnknownInstanceException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  UnknownInstanceException(String id) {
    super("no workflow instance with id " + id);
  }
}
