package dev.weft.server.runtime;

/** An operation the instance's status does not allow (resume a running instance, retry a completed one...). */
public final class OperationRefusedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  OperationRefusedException(String message) {
    super(message);
  }
}
