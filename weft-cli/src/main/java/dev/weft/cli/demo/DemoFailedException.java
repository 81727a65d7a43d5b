package dev.weft.cli.demo;

/** The demo could not carry on (an agent did not join, a task never ran); the message says what and where. */
final class DemoFailedException extends RuntimeException {
  DemoFailedException(String message) {
    super(message);
  }
}
