package dev.weft.agent.logs;

import dev.weft.agent.protocol.OutputTails;
import java.io.UncheckedIOException;

/**
 * {@link OutputTails} from a task's log files: the last {@value #STDOUT_BYTES} bytes of stdout and
 * {@value #STDERR_BYTES} of stderr, each cut further so that, written as a JSON string (control
 * characters take up to six bytes there), it stays within that budget: a report never outgrows
 * the server's body limit because a task printed binary noise.
 */
public final class LogTails implements OutputTails {
  public static final int STDOUT_BYTES = 256 * 1024;
  public static final int STDERR_BYTES = 8 * 1024;
  private final TaskLogs logs;

  public LogTails(TaskLogs logs) {
    this.logs = logs;
  }

  @Override
  public Tails of(String taskId) {
    return new Tails(tail(taskId, LogStream.STDOUT, STDOUT_BYTES), tail(taskId, LogStream.STDERR, STDERR_BYTES));
  }

  private String tail(String taskId, LogStream stream, int budget) {
    try {
      return fit(logs.reader(taskId, stream).tail(budget), budget);
    } catch (UncheckedIOException e) {
      return null;
    }
  }

  /** The longest end of {@code text} whose JSON-escaped size is within {@code budget} bytes. */
  static String fit(String text, int budget) {
    int used = 0;
    int start = text.length();
    while (start > 0) {
      char c = text.charAt(start - 1);
      int cost = c < 0x20 ? 6 : c == '"' || c == '\\' ? 2 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
      if (used + cost > budget) {
        break;
      }
      used += cost;
      start--;
    }
    return text.substring(start);
  }
}
