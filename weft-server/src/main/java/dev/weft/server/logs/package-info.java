/**
 * Task output on the server: {@link dev.weft.server.logs.LogIntake} takes the pieces agents ship
 * (stored once by offset, the first {@value dev.weft.server.logs.LogIntake#KEEP_PER_STREAM} bytes
 * of each stream kept), {@link dev.weft.server.logs.LogFeed} hands them to readers from an offset,
 * long-polling for new bytes with {@code follow}, and {@link dev.weft.server.logs.LogCompleteness}
 * says when an attempt's output is all there.
 */
package dev.weft.server.logs;
