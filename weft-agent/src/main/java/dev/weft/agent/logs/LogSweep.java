package dev.weft.agent.logs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Deletes the agent's task log files ({@link TaskLogs}) not written to for {@code keep}, except
 * those of tasks still running here, so an agent that runs for months does not fill its disk (as
 * Nomad's client garbage-collects finished allocations). The server holds its own copy of the
 * newest 8 MiB of each stream for its own retention; these files are the whole output, for
 * {@code weft agent logs} on this machine.
 */
public final class LogSweep {
  private final TaskLogs logs;
  private final Duration keep;
  private final Supplier<Set<String>> running;

  /** @param running the ids of the tasks running here now (their files are kept whatever their age) */
  public LogSweep(TaskLogs logs, Duration keep, Supplier<Set<String>> running) {
    if (keep.isNegative() || keep.isZero()) {
      throw new IllegalArgumentException("keep must be more than 0, got " + keep);
    }
    this.logs = logs;
    this.keep = keep;
    this.running = running;
  }

  /** Deletes the log files last written before {@code now - keep}; returns how many. */
  public int sweep(Instant now) {
    Set<Path> inUse = new HashSet<>();
    for (String task : running.get()) {
      for (LogStream stream : LogStream.values()) {
        inUse.add(logs.file(task, stream).getFileName());
      }
    }
    Instant before = now.minus(keep);
    int deleted = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(logs.dir())) {
      for (Path f : files) {
        if (!inUse.contains(f.getFileName()) && Files.isRegularFile(f)
            && Files.getLastModifiedTime(f).toInstant().isBefore(before) && Files.deleteIfExists(f)) {
          deleted++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot sweep the log directory " + logs.dir(), e);
    }
    return deleted;
  }
}
