package dev.weft.store;

import java.util.Arrays;

/**
 * The offset rule of log storage, without I/O: given what is stored of a stream and a piece an
 * agent shipped, which bytes to store where and what is stored afterwards. Only the first
 * {@code limit} bytes of a stream are kept; bytes already stored are skipped, so a piece sent
 * twice (a lost reply, an agent restart, a failover to another server) is stored once; a piece
 * that starts past what is stored (a gap) stores nothing, and the answer's {@code kept} tells the
 * agent where to resume. A stream has ended once a piece marked last joins what is stored without
 * a gap (the agent may have stopped short of what the task wrote, at its own limit), or arrives
 * when the limit is reached: then every byte written and not kept counts as dropped.
 *
 * @param offset where {@code data} goes
 * @param data the bytes to store now (maybe none)
 * @param after the stream's extent once they are stored
 */
public record LogAppend(long offset, byte[] data, LogExtent after) {
  public static LogAppend of(LogExtent before, LogPiece piece, long limit) {
    long written = Math.max(before.written(), piece.written());
    long start = Math.max(piece.offset(), before.kept());
    long end = Math.min(piece.end(), limit);
    byte[] data = new byte[0];
    long kept = before.kept();
    if (piece.offset() <= before.kept() && start < end) {
      data = Arrays.copyOfRange(piece.data(), (int) (start - piece.offset()), (int) (end - piece.offset()));
      kept = end;
    }
    boolean ended = before.ended() || piece.last() && (piece.offset() <= before.kept() || kept >= limit);
    long dropped = ended ? written - kept : Math.max(0, written - limit);
    return new LogAppend(start, data, new LogExtent(kept, written, dropped, ended));
  }

  /** Whether the stream has all of its first {@code limit} bytes: the agent should send no more data. */
  public static boolean full(LogExtent extent, long limit) {
    return extent.kept() >= limit;
  }
}
