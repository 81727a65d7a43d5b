package dev.weft.server.runtime;

/** A changed document was given under a namespace, name and version already stored with another text. */
public final class DefinitionConflictException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  DefinitionConflictException(String message) {
    super(message);
  }
}
