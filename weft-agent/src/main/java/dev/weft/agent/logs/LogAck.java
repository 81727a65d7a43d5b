package dev.weft.agent.logs;

/**
 * The server's answer about one stream of a run after a shipment.
 *
 * @param kept how many bytes from offset 0 the server holds (where to go on)
 * @param full the server takes no more bytes of this stream (its limit is reached, or it does not
 *     know the run): send only the last, empty piece
 * @param ended the server has the stream's last piece: it is complete there
 */
public record LogAck(String runId, LogStream stream, long kept, boolean full, boolean ended) {}
