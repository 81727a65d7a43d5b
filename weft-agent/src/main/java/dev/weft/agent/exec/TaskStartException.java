package dev.weft.agent.exec;

/** A task could not be started; the message names the task and why. */
public final class TaskStartException extends RuntimeException {
  public TaskStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
