package dev.weft.store.jdbc;

import dev.weft.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The intake's files: a directory of segments {@code NNNNNNNNNNNN.log}, each a sequence of frames
 * {@code [length:int][crc32c:int][bytes]}. Appending writes one batch of frames with one write to
 * the operating system (no fsync: the same as H2's own commit with {@code WRITE_DELAY=0}, which
 * survives the death of the process and not necessarily a power cut). Reading stops a segment at
 * its first frame that is cut short or fails its checksum: only a write the process died in can
 * leave one, and its caller was never told it succeeded. Not thread-safe; {@link Intake} locks.
 */
final class IntakeLog implements AutoCloseable {
  private static final String SUFFIX = ".log";
  private static final int MAX_FRAME = 64 << 20;

  private final Path dir;
  private long segment;
  private FileChannel current;
  private long size;

  private IntakeLog(Path dir, long segment) {
    this.dir = dir;
    this.segment = segment;
  }

  /** The log in {@code dir} (created if missing); nothing is read or written yet. */
  static IntakeLog in(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StoreException("cannot create the intake directory " + dir + ": " + e.getMessage(), e);
    }
    long last = segments(dir).stream().mapToLong(IntakeLog::number).max().orElse(0);
    return new IntakeLog(dir, last);
  }

  /** What the segments hold, oldest first, each segment up to its first damaged frame. */
  List<byte[]> readAll() {
    List<byte[]> out = new ArrayList<>();
    for (Path p : segments(dir)) {
      try {
        readSegment(Files.readAllBytes(p), out);
      } catch (IOException e) {
        throw new StoreException("cannot read the intake segment " + p + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  private static void readSegment(byte[] bytes, List<byte[]> out) {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    while (b.remaining() >= 8) {
      int length = b.getInt();
      int crc = b.getInt();
      if (length < 0 || length > b.remaining()) {
        return; // cut short by a kill mid-write
      }
      byte[] record = new byte[length];
      b.get(record);
      if (checksum(record) != crc) {
        return;
      }
      out.add(record);
    }
  }

  /** Appends the records as frames to the current segment, starting one if there is none. */
  void append(List<byte[]> records) {
    int total = 0;
    for (byte[] r : records) {
      if (r.length > MAX_FRAME) {
        throw new StoreException("an instance of " + r.length + " bytes is too large to record");
      }
      total += 8 + r.length;
    }
    ByteBuffer b = ByteBuffer.allocate(total);
    for (byte[] r : records) {
      b.putInt(r.length).putInt(checksum(r)).put(r);
    }
    b.flip();
    try {
      if (current == null) {
        segment++;
        current = FileChannel.open(path(segment), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        size = 0;
      }
      while (b.hasRemaining()) {
        current.write(b);
      }
    } catch (IOException e) {
      try {
        closeCurrent(); // a frame may be half written: later frames go to a new segment, not after it
      } catch (StoreException alsoFailed) {
        e.addSuppressed(alsoFailed);
      }
      throw new StoreException("cannot write the intake log in " + dir + ": " + e.getMessage(), e);
    }
    size += total;
  }

  /** Bytes in the current segment. */
  long size() {
    return size;
  }

  /** Closes the current segment (the next append starts a new one); returns its number, 0 if none. */
  long rotate() {
    if (current == null) {
      return 0;
    }
    closeCurrent();
    return segment;
  }

  /** Deletes the segments numbered up to {@code last}, which must be closed. */
  void deleteUpTo(long last) {
    for (Path p : segments(dir)) {
      if (number(p) <= last && (current == null || number(p) != segment)) {
        delete(p);
      }
    }
  }

  /** Closes the current segment and deletes every segment. */
  void deleteAll() {
    closeCurrent();
    segments(dir).forEach(IntakeLog::delete);
  }

  @Override
  public void close() {
    closeCurrent();
  }

  private void closeCurrent() {
    if (current != null) {
      try {
        current.close();
      } catch (IOException e) {
        throw new StoreException("cannot close the intake segment " + path(segment) + ": " + e.getMessage(), e);
      } finally {
        current = null;
        size = 0;
      }
    }
  }

  private Path path(long n) {
    return dir.resolve(String.format("%012d%s", n, SUFFIX));
  }

  private static void delete(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new StoreException("cannot delete the intake segment " + p + ": " + e.getMessage(), e);
    }
  }

  private static List<Path> segments(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().matches("\\d{12}\\.log")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long number(Path p) {
    String name = p.getFileName().toString();
    return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
  }

  private static int checksum(byte[] record) {
    CRC32C crc = new CRC32C();
    crc.update(record);
    return (int) crc.getValue();
  }
}
