package dev.weft.sim.workload;

import java.nio.file.Path;

/** A workload file that cannot be read. The message is one line naming the file and, when known, the line. */
public class WorkloadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WorkloadException(String message) {
    super(message);
  }

  public WorkloadException(String message, Throwable cause) {
    super(message, cause);
  }

  /** An error at {@code file:line}. */
  public static WorkloadException at(Path file, int line, String message) {
    return new WorkloadException(file + ":" + line + ": " + message);
  }
}
