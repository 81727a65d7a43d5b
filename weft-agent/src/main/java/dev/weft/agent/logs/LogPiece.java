package dev.weft.agent.logs;

/**
 * Bytes of one run's stream to ship to the server.
 *
 * @param runId the run (the task id of the assignment)
 * @param offset where {@code data} starts in the stream's file
 * @param written the file's size when it was read
 * @param last the run has ended and nothing of this stream will follow (data reaches the end, or
 *     the agent's limit)
 */
public record LogPiece(String runId, LogStream stream, long offset, byte[] data, long written, boolean last) {}
