package dev.weft.agent.logs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which bytes of which run's log files to ship next, and remembers, per run and stream,
 * where the server is ({@link LogAck#kept}): the cursor. Only the newest {@link ShipLimits#streamBytes}
 * of a stream are worth shipping: a cursor further behind skips ahead to them. A run it has not seen starts at offset 0,
 * also after an agent restart; the server skips what it already holds and its answer moves the
 * cursor to its end. Not thread-safe: {@code LogShipping} serialises the calls.
 */
public final class LogPacker {
  private record Key(String runId, LogStream stream) {}

  private static final class Cursor {
    long next;
    boolean full;
    boolean ended;
  }

  private final TaskLogs logs;
  private final ShipLimits limits;
  private final Map<Key, Cursor> cursors = new HashMap<>();

  public LogPacker(TaskLogs logs, ShipLimits limits) {
    this.logs = logs;
    this.limits = limits;
  }

  /** New bytes of running runs, oldest first per stream, at most one shipment's worth; empty when nothing is new. */
  public List<LogPiece> newBytes(Collection<String> runIds) {
    List<LogPiece> out = new ArrayList<>();
    int budget = limits.requestBytes();
    for (String run : runIds) {
      for (LogStream stream : LogStream.values()) {
        Cursor c = cursor(run, stream);
        LogReader reader = logs.reader(run, stream);
        long size = reader.size();
        if (c.full || c.next >= size || budget == 0) {
          continue;
        }
        long from = from(c, size);
        LogChunk chunk = reader.read(from, (int) Math.min(Math.min(limits.chunkBytes(), budget), size - from));
        budget -= chunk.bytes().length;
        out.add(new LogPiece(run, stream, chunk.offset(), chunk.bytes(), size, false));
      }
    }
    return out;
  }

  /**
   * The next pieces of runs that have ended: what is left of each stream not yet complete on the
   * server, the piece reaching the end marked last (empty when nothing is left or the server is
   * full), at most one shipment's worth. A stream the task never wrote to needs no piece. Empty
   * once every stream of these runs is {@linkplain #delivered delivered}.
   */
  public List<LogPiece> rest(Collection<String> runIds) {
    List<LogPiece> out = new ArrayList<>();
    int budget = limits.requestBytes();
    for (String run : runIds) {
      for (LogStream stream : LogStream.values()) {
        Cursor c = cursor(run, stream);
        long size = logs.reader(run, stream).size();
        if (c.ended || size == 0 && c.next == 0) {
          continue;
        }
        if (c.full || c.next >= size) {
          out.add(new LogPiece(run, stream, Math.min(c.next, size), new byte[0], size, true));
        } else if (budget > 0) {
          long from = from(c, size);
          LogChunk chunk = logs.reader(run, stream).read(from,
              (int) Math.min(Math.min(limits.chunkBytes(), budget), size - from));
          budget -= chunk.bytes().length;
          out.add(new LogPiece(run, stream, chunk.offset(), chunk.bytes(), size, chunk.next() >= size));
        }
      }
    }
    return out;
  }

  /**
   * Where to ship from: the cursor, or, when the task wrote more than the window since, the start of
   * the newest {@code streamBytes} (the server keeps no more; it lets what it stored go and carries
   * on from there).
   */
  private long from(Cursor c, long size) {
    return Math.max(c.next, size - limits.streamBytes());
  }

  /** Moves the cursors to where the server says it is; false when none moved (the server took nothing). */
  public boolean acknowledge(List<LogAck> acks) {
    boolean moved = false;
    for (LogAck a : acks) {
      Cursor c = cursor(a.runId(), a.stream());
      moved |= c.next != a.kept() || c.full != a.full() || c.ended != a.ended();
      c.next = a.kept();
      c.full = a.full();
      c.ended = a.ended();
    }
    return moved;
  }

  /** Whether the server has every stream of an ended run complete (a stream never written to needs nothing). */
  public boolean delivered(String runId) {
    return rest(List.of(runId)).isEmpty();
  }

  /** Drops the run's cursors (after it was delivered, or given up). */
  public void forget(String runId) {
    for (LogStream stream : LogStream.values()) {
      cursors.remove(new Key(runId, stream));
    }
  }

  private Cursor cursor(String runId, LogStream stream) {
    return cursors.computeIfAbsent(new Key(runId, stream), k -> new Cursor());
  }
}
