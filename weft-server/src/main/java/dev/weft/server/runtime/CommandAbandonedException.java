package dev.weft.server.runtime;

/**
 * A command given up on this engine without an outcome (the engine stopped while the call waited
 * to be retried): nothing is recorded, and the command is carried out again, from its first try,
 * once its lease expires.
 */
final class CommandAbandonedException extends RuntimeException {
  CommandAbandonedException(String message) {
    super(message, null, false, false);
  }
}
