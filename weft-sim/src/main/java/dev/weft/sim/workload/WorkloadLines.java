package dev.weft.sim.workload;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads a workload file line by line, never holding it whole in memory. Gzip is recognised by its
 * magic bytes, not by the file name. I/O failures become {@link WorkloadException}s naming the file.
 */
public final class WorkloadLines {
  /** What a reader does with one line; {@code number} counts from 1. */
  @FunctionalInterface
  public interface LineHandler {
    void accept(String line, int number);
  }

  private WorkloadLines() {}

  /** Calls {@code handler} for every line of {@code file}, in order. */
  public static void forEach(Path file, LineHandler handler) {
    try (BufferedReader in = open(file)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        if (number == 0 && line.startsWith("\uFEFF")) {
          line = line.substring(1); // a byte order mark, as spreadsheet programs write
        }
        handler.accept(line, ++number);
      }
    } catch (NoSuchFileException e) {
      throw new WorkloadException(file + ": no such file");
    } catch (IOException | UncheckedIOException e) {
      throw new WorkloadException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static BufferedReader open(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new WorkloadException(file + ": is a directory, not a workload file");
    }
    InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    raw.mark(2);
    int b1 = raw.read();
    int b2 = raw.read();
    raw.reset();
    InputStream in = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(raw, 1 << 16) : raw;
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }
}
