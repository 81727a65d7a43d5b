package dev.weft.agent.logs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where each task's output is kept: {@code DIR/<taskId>.stdout} and {@code DIR/<taskId>.stderr}, appended to. */
public final class TaskLogs {
  private final Path dir;

  public TaskLogs(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the log directory " + dir, e);
    }
  }

  /** The directory holding the files. */
  public Path dir() {
    return dir;
  }

  public Path file(String taskId, LogStream stream) {
    return dir.resolve(taskId.replaceAll("[^A-Za-z0-9._-]", "_") + "." + stream.suffix());
  }

  /** A reader of one task's stream. */
  public LogReader reader(String taskId, LogStream stream) {
    return new LogReader(file(taskId, stream));
  }
}
