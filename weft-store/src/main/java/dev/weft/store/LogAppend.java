package dev.weft.store;

import java.util.Arrays;

/**
 * The offset rule of log storage, without I/O: given what is stored of a stream and a piece an
 * agent shipped, which bytes to store where, which stored bytes to let go, and what is stored
 * afterwards. The newest {@code limit} bytes of a stream are kept (in whole chunks, so a little
 * more): older chunks are let go as new bytes arrive, as Nomad and the kubelet rotate task logs.
 * Bytes already stored are skipped, so a piece sent twice (a lost reply, an agent restart, a
 * failover to another server) is stored once. A piece that starts past what is stored, when the
 * task has written more than {@code limit} past it, is the agent skipping output older than its
 * window (it fell that far behind): the stream goes on from the piece and what was stored before
 * is let go. Any other gap stores nothing, and the answer's {@code kept} tells the agent where to
 * resume. A stream has ended once a piece marked last joins what is stored; nothing is stored after.
 *
 * @param offset where {@code data} goes
 * @param data the bytes to store now (maybe none)
 * @param after the stream's extent once they are stored; its {@code first} before older chunks are
 *     let go (the store knows where its chunks start)
 * @param trimBelow stored chunks that end at or before this offset are let go
 */
public record LogAppend(long offset, byte[] data, LogExtent after, long trimBelow) {
  public static LogAppend of(LogExtent before, LogPiece piece, long limit) {
    long written = Math.max(before.written(), piece.written());
    if (before.ended()) {
      return new LogAppend(before.kept(), new byte[0], new LogExtent(before.first(), before.kept(), written, true),
          before.first());
    }
    long first = before.first();
    long start;
    byte[] data;
    if (piece.offset() <= before.kept()) {
      start = before.kept();
      data = start < piece.end() ? Arrays.copyOfRange(piece.data(), (int) (start - piece.offset()), piece.data().length)
          : new byte[0];
    } else if (written - before.kept() > limit) { // the agent skipped to its newest bytes: all stored is older
      start = piece.offset();
      data = piece.data();
      first = piece.offset();
    } else { // a gap that is no skip (pieces out of order): store nothing, the agent resumes from kept
      return new LogAppend(piece.offset(), new byte[0], new LogExtent(first, before.kept(), written, false), first);
    }
    long kept = start + data.length;
    long trimBelow = Math.max(first, kept - limit);
    return new LogAppend(start, data, new LogExtent(first, kept, written, piece.last()), trimBelow);
  }
}
