package dev.weft.agent.logs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Reads one log file from an offset, once or following it while the task that writes it runs. */
public final class LogReader {
  private final Path file;

  LogReader(Path file) {
    this.file = file;
  }

  /** Up to {@code max} bytes from {@code offset}; empty when nothing more is written yet (or no file). */
  public LogChunk read(long offset, int max) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buf = ByteBuffer.allocate((int) Math.max(0, Math.min(max, ch.size() - offset)));
      while (buf.hasRemaining() && ch.read(buf, offset + buf.position()) > 0) {
        // read until the buffer is full: the file only grows
      }
      byte[] bytes = new byte[buf.position()];
      buf.flip().get(bytes);
      return new LogChunk(bytes, offset, offset + bytes.length);
    } catch (NoSuchFileException e) {
      return new LogChunk(new byte[0], offset, offset);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read log " + file, e);
    }
  }

  /** The last {@code bytes} of the file as text (for judging an outcome, or {@code logs --tail}). */
  public String tail(int bytes) {
    long size = size();
    return read(Math.max(0, size - bytes), bytes).text();
  }

  public long size() {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read log " + file, e);
    }
  }

  /**
   * Hands every chunk written from {@code offset} on to {@code sink} until {@code finished} is true
   * and everything has been read, checking for more every {@code pause}. Returns the next offset.
   *
   * @param finished true once the writer has stopped for good (the task has ended)
   */
  public long follow(long offset, Consumer<LogChunk> sink, BooleanSupplier finished, Duration pause)
      throws InterruptedException {
    long at = offset;
    while (true) {
      boolean done = finished.getAsBoolean();
      LogChunk chunk = read(at, 64 * 1024);
      if (!chunk.isEmpty()) {
        sink.accept(chunk);
        at = chunk.next();
      } else if (done) {
        return at;
      } else {
        Thread.sleep(pause.toMillis());
      }
    }
  }
}
