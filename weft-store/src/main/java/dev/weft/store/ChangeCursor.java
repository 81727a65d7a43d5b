package dev.weft.store;

/**
 * Where a reader following task changes stands ({@link TaskStore#changedSince}): the highest change
 * sequence number it has read and, on PostgreSQL, the oldest transaction still running when it last
 * read (every write not visible then comes from that transaction or a later one). Opaque to callers:
 * take one from {@link TaskStore#changeCursor} before a full read, then the one each read returns.
 */
public record ChangeCursor(long seq, long xmin) {}
